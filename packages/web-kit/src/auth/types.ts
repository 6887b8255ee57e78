// Connecto's fields on next-auth's session, user and JWT types. Imported by ./index.ts, so every app that
// uses the kit's auth sees them.
import type { ApiClient } from '../api'

type TokenResult = Awaited<ReturnType<ApiClient['auth']['signIn']['mutate']>>

/** What next-auth keeps in its encrypted cookie: the api's tokens and the account view. */
export type TAuthResult = {
  accessToken: string
  refreshToken: string
  accessTokenExpiresAt: string
  user: TSessionUser
}
export type TSessionUser = Pick<TokenResult['user'], 'id' | 'email' | 'role' | 'nickname'>

type SessionError = 'RefreshFailed'

declare module 'next-auth' {
  interface Session {
    user: TSessionUser
    accessToken: string
    accessTokenExpiresAt: string
    error?: SessionError
  }

  interface User {
    auth: TAuthResult
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    user: TSessionUser
    accessToken: string
    refreshToken: string
    accessTokenExpiresAt: string
    error?: SessionError
  }
}
