// Connecto's fields on next-auth's session, user and JWT types.
import type { TAuthResult, TSessionUser } from '../lib/auth/auth-api'

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
