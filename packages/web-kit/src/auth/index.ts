// One app's next-auth setup: its options for the /api/auth route and the session reader for server components.
import { createAuthApi } from './auth-api'
import { createAuthCookies } from './auth-cookies'
import { createAuthOptions } from './auth-options'
import { createReadSession } from './session'

export { SOCIAL_INVALID_INPUT, SOCIAL_UNREACHABLE } from './auth-options'
export { toSession } from './session'
export type { TAuthResult, TSessionUser } from './types'

/** The part of an app's server environment (its env.ts `serverEnv`) that auth needs. */
export type AuthEnv = {
  apiUrl: string
  authSecret: string | undefined
  authUrl: string
  secureCookies: boolean
}

type CreateAuthInput = {
  cookiePrefix: string
  env: AuthEnv
  /** Accept Google / Apple ID tokens through the "social" provider (the traveller app; not admin). */
  socialSignIn?: boolean
}

/** `cookiePrefix` keeps each app's cookies apart when several run on one host. */
export function createAuth({ cookiePrefix, env, socialSignIn = false }: CreateAuthInput) {
  const cookies = createAuthCookies(cookiePrefix, env.secureCookies)
  const authOptions = createAuthOptions({
    api: createAuthApi(env.apiUrl),
    cookies,
    authSecret: env.authSecret,
    socialSignIn,
  })
  const readSession = createReadSession({
    authUrl: env.authUrl,
    authSecret: env.authSecret,
    cookieName: cookies.sessionToken.name,
  })
  return { authOptions, authCookies: cookies, readSession }
}
