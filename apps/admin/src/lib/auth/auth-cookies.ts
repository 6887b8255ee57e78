// Per-app cookie names: web and admin both run on localhost in development, and browsers share cookies
// across ports, so default next-auth names would let one app's sign-in overwrite the other's.
import type { CookiesOptions } from 'next-auth'
import { appConfig } from '../../app-config'
import { serverEnv } from '../../env'

const secure = serverEnv.secureCookies
const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure }
const securePrefix = secure ? '__Secure-' : ''

export const authCookies = {
  sessionToken: { name: `${securePrefix}${appConfig.cookiePrefix}.session-token`, options },
  callbackUrl: { name: `${securePrefix}${appConfig.cookiePrefix}.callback-url`, options },
  csrfToken: { name: `${secure ? '__Host-' : ''}${appConfig.cookiePrefix}.csrf-token`, options },
} satisfies Partial<CookiesOptions>
