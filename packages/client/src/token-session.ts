// The signed-in session on a device: tokens live in a pluggable store (secure storage on mobile,
// memory or localStorage in a browser); an access token about to expire is refreshed before use, one
// the server calls expired (AUTH002) is refreshed once, and concurrent callers share one refresh —
// refresh tokens rotate, so a second refresh with the same token would end the session.
export type Tokens = { accessToken: string; refreshToken: string }

export type TokenStore = {
  get(): Tokens | null | Promise<Tokens | null>
  set(tokens: Tokens | null): void | Promise<void>
}

/** Why a refresh failed: `rejected` (the server refused the refresh token) ends the session. */
export class RefreshError extends Error {
  constructor(
    readonly kind: 'rejected' | 'unreachable',
    cause: unknown,
  ) {
    super(
      kind === 'rejected' ? 'The session has ended.' : 'Could not reach the server to refresh the session.',
      {
        cause,
      },
    )
    this.name = 'RefreshError'
  }
}

export type TokenSessionOptions = {
  store: TokenStore
  /** Exchanges a refresh token for new tokens; throws RefreshError('rejected') when the server refuses it. */
  refresh: (refreshToken: string) => Promise<Tokens>
  onSignedOut?: () => void
  /** Refresh this long before the access token's expiry (default 30 s). */
  marginMs?: number
  now?: () => number
}

export function memoryTokenStore(initial: Tokens | null = null): TokenStore {
  let tokens = initial
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next
    },
  }
}

/** The `exp` claim of a JWT in ms, or null when it has none or cannot be read. Not verified. */
export function accessTokenExpiry(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const json = JSON.parse(decodeBase64Url(payload)) as { exp?: unknown }
    return typeof json.exp === 'number' ? json.exp * 1000 : null
  } catch {
    return null
  }
}

function decodeBase64Url(text: string) {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=')
  const binary = atob(base64)
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

export type TokenSession = ReturnType<typeof createTokenSession>

export function createTokenSession(opts: TokenSessionOptions) {
  const margin = opts.marginMs ?? 30_000
  const now = opts.now ?? Date.now
  let refreshing: Promise<string | null> | null = null

  const runRefresh = (refreshToken: string) => {
    refreshing ??= opts
      .refresh(refreshToken)
      .then(async (tokens) => {
        await opts.store.set(tokens)
        return tokens.accessToken
      })
      .catch(async (err) => {
        if (err instanceof RefreshError && err.kind === 'rejected') {
          await opts.store.set(null)
          opts.onSignedOut?.()
          return null
        }
        throw err
      })
      .finally(() => {
        refreshing = null
      })
    return refreshing
  }

  return {
    /** The access token to send now, refreshed first when it expires within the margin; null when signed out. */
    async accessToken(): Promise<string | null> {
      if (refreshing) return refreshing
      const tokens = await opts.store.get()
      if (!tokens) return null
      const expiry = accessTokenExpiry(tokens.accessToken)
      if (expiry !== null && expiry - now() < margin) return runRefresh(tokens.refreshToken)
      return tokens.accessToken
    },
    /**
     * The server refused `staleToken` as expired: refresh, unless another caller already replaced it.
     * Resolves with the token to retry with, or null when the session is over.
     */
    async expired(staleToken: string | null): Promise<string | null> {
      if (refreshing) return refreshing
      const tokens = await opts.store.get()
      if (!tokens) return null
      if (staleToken !== null && tokens.accessToken !== staleToken) return tokens.accessToken
      return runRefresh(tokens.refreshToken)
    },
  }
}
