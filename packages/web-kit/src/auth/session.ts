// Session shape shared by the next-auth `session` callback and server components.

import { headers } from 'next/headers'
import { NextRequest } from 'next/server'
import type { Session } from 'next-auth'
import { getToken, type JWT } from 'next-auth/jwt'
import './types'

export function toSession(token: JWT, expires: string): Session {
  return {
    expires,
    user: token.user,
    accessToken: token.accessToken,
    accessTokenExpiresAt: token.accessTokenExpiresAt,
    ...(token.error ? { error: token.error } : {}),
  }
}

type ReadSessionOptions = { authUrl: string; authSecret: string | undefined; cookieName: string }

/**
 * Builds the server-component session reader. Unlike getServerSession it does not run the `jwt`
 * callback: a server component cannot set cookies, so a token refreshed there would be lost and its
 * rotated refresh token with it. Refreshing happens in the /api/auth/session route instead.
 */
export function createReadSession({ authUrl, authSecret, cookieName }: ReadSessionOptions) {
  return async function readSession(): Promise<Session | null> {
    const request = new NextRequest(authUrl, { headers: await headers() })
    const token = await getToken({ req: request, cookieName, secret: authSecret })
    if (!token?.user || typeof token.exp !== 'number') return null
    return toSession(token, new Date(token.exp * 1000).toISOString())
  }
}
