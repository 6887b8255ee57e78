// The api's auth procedures, called from the Node side of next-auth (never from the browser).
import type { TSignInInput, TSocialSignInInput } from '@connecto/shared'
import { type ApiClient, createApiClient } from '../api'
import type { TAuthResult } from './types'

type TokenResult = Awaited<ReturnType<ApiClient['auth']['signIn']['mutate']>>

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

export type AuthApi = ReturnType<typeof createAuthApi>

/** The auth calls against the api at `apiUrl`. */
export function createAuthApi(apiUrl: string) {
  return {
    async signInWithPassword(input: TSignInInput, forwardedFor?: string): Promise<TAuthResult> {
      return toAuthResult(await createApiClient({ apiUrl, forwardedFor }).auth.signIn.mutate(input))
    },

    /** An ID token from Google or Apple, verified by the api, for the same session as a password sign-in. */
    async signInWithSocial(input: TSocialSignInInput, forwardedFor?: string): Promise<TAuthResult> {
      return toAuthResult(await createApiClient({ apiUrl, forwardedFor }).auth.socialSignIn.mutate(input))
    },

    refreshSession(refreshToken: string): Promise<TAuthResult> {
      const pending = refreshes.get(refreshToken)
      if (pending) return pending
      const call = createApiClient({ apiUrl }).auth.refresh.mutate({ refreshToken }).then(toAuthResult)
      refreshes.set(refreshToken, call)
      call.then(
        () => setTimeout(() => refreshes.delete(refreshToken), REFRESH_REUSE_MS).unref(),
        () => refreshes.delete(refreshToken),
      )
      return call
    },

    async revokeRefreshToken(refreshToken: string): Promise<void> {
      await createApiClient({ apiUrl }).auth.signOut.mutate({ refreshToken })
    },
  }
}
