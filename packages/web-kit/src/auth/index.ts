// One app's next-auth setup: its options for the /api/auth route and the session reader for server components.
import { createAuthApi } from './auth-api'
import { createAuthCookies } from './auth-cookies'
import { createAuthOptions } from './auth-options'
import { createReadSession } from './session'

export { toSession } from './session'
export type { TAuthResult, TSessionUser } from './types'

/** The part of an app's server environment (its env.ts `serverEnv`) that auth needs. */
export type AuthEnv = {
  apiUrl: string
  authSecret: string | undefined
  authUrl: string
  secureCookies: boolean
}

/** `cookiePrefix` keeps each app's cookies apart when several run on one host. */
export function createAuth({ cookiePrefix, env }: { cookiePrefix: string; env: AuthEnv }) {
  const cookies = createAuthCookies(cookiePrefix, env.secureCookies)
  const authOptions = createAuthOptions({
    api: createAuthApi(env.apiUrl),
    cookies,
    authSecret: env.authSecret,
  })
  const readSession = createReadSession({
    authUrl: env.authUrl,
    authSecret: env.authSecret,
    cookieName: cookies.sessionToken.name,
  })
  return { authOptions, authCookies: cookies, readSession }
}
