// The api's auth procedures, called from the Node side of next-auth (never from the browser).
import type { TSignInInput } from '@connecto/shared'
import { createApiClient } from '../api'

type TokenResult = Awaited<ReturnType<ReturnType<typeof createApiClient>['auth']['signIn']['mutate']>>

/** What next-auth keeps in its encrypted cookie: the api's tokens and the account view. */
export type TAuthResult = {
  accessToken: string
  refreshToken: string
  accessTokenExpiresAt: string
  user: TSessionUser
}
export type TSessionUser = Pick<TokenResult['user'], 'id' | 'email' | 'role' | 'nickname'>

// Only what the UI needs goes into the cookie, which must stay well under the 4 KB browsers allow.
const toAuthResult = ({
  accessToken,
  refreshToken,
  accessTokenExpiresAt,
  user,
}: TokenResult): TAuthResult => ({
  accessToken,
  refreshToken,
  accessTokenExpiresAt: new Date(accessTokenExpiresAt).toISOString(),
  user: { id: user.id, email: user.email, role: user.role, nickname: user.nickname },
})

// Refresh tokens rotate and the api revokes the whole family when a rotated one comes back, so two
// requests refreshing with the same token would sign the user out. One call per token, and its result
// kept briefly for requests still carrying the old cookie, prevents that within one server process.
const REFRESH_REUSE_MS = 30_000
const refreshes = new Map<string, Promise<TAuthResult>>()

export async function signInWithPassword(input: TSignInInput, forwardedFor?: string): Promise<TAuthResult> {
  return toAuthResult(await createApiClient({ forwardedFor }).auth.signIn.mutate(input))
}

export function refreshSession(refreshToken: string): Promise<TAuthResult> {
  const pending = refreshes.get(refreshToken)
  if (pending) return pending
  const call = createApiClient().auth.refresh.mutate({ refreshToken }).then(toAuthResult)
  refreshes.set(refreshToken, call)
  call.then(
    () => setTimeout(() => refreshes.delete(refreshToken), REFRESH_REUSE_MS).unref(),
    () => refreshes.delete(refreshToken),
  )
  return call
}

export async function revokeRefreshToken(refreshToken: string): Promise<void> {
  await createApiClient().auth.signOut.mutate({ refreshToken })
}
