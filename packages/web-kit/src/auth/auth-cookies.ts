// Per-app cookie names: web and admin both run on localhost in development, and browsers share cookies
// across ports, so default next-auth names would let one app's sign-in overwrite the other's.
import type { CookiesOptions } from 'next-auth'

export function createAuthCookies(cookiePrefix: string, secure: boolean) {
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure }
  const securePrefix = secure ? '__Secure-' : ''
  return {
    sessionToken: { name: `${securePrefix}${cookiePrefix}.session-token`, options },
    callbackUrl: { name: `${securePrefix}${cookiePrefix}.callback-url`, options },
    csrfToken: { name: `${secure ? '__Host-' : ''}${cookiePrefix}.csrf-token`, options },
  } satisfies Partial<CookiesOptions>
}

export type AuthCookies = ReturnType<typeof createAuthCookies>
