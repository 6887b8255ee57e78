// The api's auth procedures, called from the Node side of next-auth (never from the browser).
import { PlatformRole, type TSignInInput } from '@connecto/shared'
import { z } from 'zod'
import { ApiError, callMutation } from '../api'

const ZAuthResult = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  accessTokenExpiresAt: z.coerce.date().transform((date) => date.toISOString()),
  user: z.object({
    id: z.string(),
    email: z.string(),
    role: z.enum(PlatformRole),
    nickname: z.string(),
  }),
})
export type TAuthResult = z.infer<typeof ZAuthResult>
export type TSessionUser = TAuthResult['user']

// Refresh tokens rotate, so two requests refreshing with the same token would make the second fail.
// Sharing one call per token, and keeping its result briefly for requests that still carry the old
// cookie, avoids that within one server process.
const REFRESH_REUSE_MS = 30_000
const refreshes = new Map<string, Promise<TAuthResult>>()

export async function signInWithPassword(input: TSignInInput): Promise<TAuthResult> {
  return ZAuthResult.parse(await callMutation('auth.signIn', input))
}

export function refreshSession(refreshToken: string): Promise<TAuthResult> {
  const pending = refreshes.get(refreshToken)
  if (pending) return pending
  const call = callMutation('auth.refresh', { refreshToken }).then((data) => ZAuthResult.parse(data))
  refreshes.set(refreshToken, call)
  call.then(
    () => setTimeout(() => refreshes.delete(refreshToken), REFRESH_REUSE_MS).unref(),
    () => refreshes.delete(refreshToken),
  )
  return call
}

export async function revokeRefreshToken(refreshToken: string): Promise<void> {
  await callMutation('auth.signOut', { refreshToken })
}

/** True when the api itself refused (bad credentials, revoked token), false when it could not be reached. */
export const isApiRefusal = (error: unknown) => error instanceof ApiError
