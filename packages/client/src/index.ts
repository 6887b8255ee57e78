// The typed Connecto client for mobile teams and both web apps: queries and mutations over HTTP
// batching, subscriptions (and a chat's frequent calls while it is open) over one WebSocket, the same
// transformer and access token on both. With a token store it also refreshes expired access tokens;
// subscriptions resume from their last event id after a reconnect (tRPC's wsLink resends it); and
// `outbox` queues sends across offline periods.
import type { AppRouter } from '@connecto/api'
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  httpLink,
  retryLink,
  splitLink,
  type TRPCLink,
  wsLink,
} from '@trpc/client'
import superjson from 'superjson'
import { backoffDelay } from './backoff.ts'
import { appErrorOf } from './errors.ts'
import { createOutbox } from './outbox.ts'
import type { OutboxStorage } from './outbox-storage.ts'
import { createTokenSession, RefreshError, type TokenStore } from './token-session.ts'

export { backoffDelay } from './backoff.ts'
export { appErrorOf, isRetryable } from './errors.ts'
export { createOutbox, type Outbox, type QueuedSend, type SendInput, type SentMessage } from './outbox.ts'
export { localStorageOutboxStorage, memoryOutboxStorage, type OutboxStorage } from './outbox-storage.ts'
export {
  accessTokenExpiry,
  createTokenSession,
  memoryTokenStore,
  RefreshError,
  type TokenStore,
  type Tokens,
} from './token-session.ts'
export type { AppRouter }

export type ConnectionState = 'connecting' | 'open' | 'closed'

export type ConnectoClientOptions = {
  /** Base URL of the api, e.g. http://localhost:4000 */
  url: string
  /**
   * Tokens from sign-in, in a store the app provides (secure storage on mobile). The client refreshes
   * the access token before it expires and once when the api answers AUTH002; when the refresh token
   * is refused it clears the store and calls `onSignedOut`.
   */
  tokens?: TokenStore
  onSignedOut?: () => void
  /** Instead of `tokens`: the current access token, when the app refreshes it itself (the web apps). */
  getAccessToken?: () => string | null | Promise<string | null>
  /** Open the WebSocket only for subscriptions (default true). Set false on servers. */
  realtime?: boolean
  onConnectionStateChange?: (state: ConnectionState) => void
  /** Delay before reconnect attempt `attempt` (0-based); default exponential from 500 ms to 30 s with jitter. */
  retryDelayMs?: (attempt: number) => number
  /** Where queued sends survive a restart (default memory; `localStorageOutboxStorage()` in browsers). */
  outboxStorage?: OutboxStorage
  WebSocket?: typeof globalThis.WebSocket
  fetch?: typeof globalThis.fetch
}

type TokenSource = {
  accessToken(): Promise<string | null>
  /** The api called `stale` expired: the token to retry with, or null to give up. */
  expired(stale: string | null): Promise<string | null>
}

function tokenSource(options: ConnectoClientOptions, base: string): TokenSource {
  const store = options.tokens
  if (!store) {
    const get = async () => (await options.getAccessToken?.()) ?? null
    return { accessToken: get, expired: async () => null }
  }
  // The refresh call goes around the retrying links, so a failing refresh is never retried into a loop.
  const plain = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${base}/trpc`, transformer: superjson, fetch: options.fetch })],
  })
  return createTokenSession({
    store,
    onSignedOut: options.onSignedOut,
    async refresh(refreshToken) {
      try {
        const { accessToken, refreshToken: next } = await plain.auth.refresh.mutate({ refreshToken })
        return { accessToken, refreshToken: next }
      } catch (err) {
        throw new RefreshError(appErrorOf(err) ? 'rejected' : 'unreachable', err)
      }
    },
  })
}

/** Retries a call once after refreshing the token the api called expired (AUTH002). */
function refreshOnExpiry(tokens: TokenSource): TRPCLink<AppRouter> {
  const refreshed = new WeakSet<object>()
  return retryLink<AppRouter>({
    retry({ op, error }) {
      if (appErrorOf(error)?.code !== 'AUTH002' || refreshed.has(op.context)) return false
      refreshed.add(op.context)
      // The retry's headers wait for this refresh (accessToken() joins the one in flight).
      op.context.refresh = tokens
        .expired((op.context.accessToken as string | undefined) ?? null)
        .catch(() => null)
      return true
    },
  })
}

/**
 * A chat's frequent calls, which go over the WebSocket while it is open (the rest always use HTTP):
 * sends, and the small ones an open chat makes all the time (typing, read marks, focus, presence).
 */
const SOCKET_MUTATIONS = new Set([
  'messages.send',
  'presence.typing',
  'presence.report',
  'reads.markRead',
  'notifications.focus',
])

export function createConnectoClient(options: ConnectoClientOptions) {
  const base = options.url.replace(/\/$/, '')
  const tokens = tokenSource(options, base)
  const http = httpBatchLink<AppRouter>({
    url: `${base}/trpc`,
    transformer: superjson,
    fetch: options.fetch,
    async headers({ opList }) {
      await Promise.all(opList.map((op) => op.context.refresh))
      const token = await tokens.accessToken()
      // Remembered per call, so an AUTH002 refreshes only if no one replaced this token meanwhile.
      for (const op of opList) op.context.accessToken = token
      return token ? { authorization: `Bearer ${token}` } : {}
    },
  })
  const links = (transport: TRPCLink<AppRouter>) => [refreshOnExpiry(tokens), transport]

  if (options.realtime === false) {
    const trpc = createTRPCClient<AppRouter>({ links: links(http) })
    return { trpc, outbox: outboxFor(trpc, options), close: () => {} }
  }
  const ws = createWSClient({
    url: `${base.replace(/^http/, 'ws')}/trpc`,
    lazy: { enabled: true, closeMs: 10_000 },
    WebSocket: options.WebSocket,
    retryDelayMs: options.retryDelayMs ?? ((attempt) => backoffDelay(attempt)),
    // Tokens travel only here, never in the URL; evaluated at every (re)connect, so a reconnect
    // after a long sleep refreshes first instead of being refused.
    connectionParams: async () => {
      const token = await tokens.accessToken()
      return token ? { token } : {}
    },
  })
  const states = { idle: 'closed', connecting: 'connecting', pending: 'open' } as const
  // Lazy: no socket until the first subscription, so the client starts out closed; report changes only.
  let lastState: ConnectionState = 'closed'
  const stateSubscription = ws.connectionState.subscribe({
    next(state) {
      const mapped = states[state.state]
      if (mapped === lastState) return
      lastState = mapped
      options.onConnectionStateChange?.(mapped)
    },
  })
  const trpc = createTRPCClient<AppRouter>({
    links: links(
      splitLink({
        // Subscriptions, and a chat's frequent calls while the socket is open: it is signed in already, so
        // each skips an HTTP request with its token check and caller lookup. A send the closing socket
        // takes down fails as a network error, and the outbox sends it again (same clientMessageId).
        condition: (op) =>
          op.type === 'subscription' || (SOCKET_MUTATIONS.has(op.path) && lastState === 'open'),
        true: wsLink({ client: ws, transformer: superjson }),
        false: http,
      }),
    ),
  })
  const outbox = outboxFor(trpc, options)
  return {
    trpc,
    outbox,
    close: () => {
      outbox.close()
      stateSubscription.unsubscribe()
      return ws.close()
    },
  }
}

function outboxFor(trpc: ReturnType<typeof createTRPCClient<AppRouter>>, options: ConnectoClientOptions) {
  return createOutbox({ send: (input) => trpc.messages.send.mutate(input), storage: options.outboxStorage })
}

export type ConnectoClient = ReturnType<typeof createConnectoClient>['trpc']
