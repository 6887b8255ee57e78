// The typed Connecto client for mobile teams and both web apps: queries and mutations over HTTP
// batching, subscriptions over one WebSocket (same transformer), the access token on both.
import type { AppRouter } from '@connecto/api'
import { type AppErrorData, isErrorCode } from '@connecto/shared'
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  TRPCClientError,
  wsLink,
} from '@trpc/client'
import superjson from 'superjson'

export type { AppRouter }

export type ConnectoClientOptions = {
  /** Base URL of the api, e.g. http://localhost:4000 */
  url: string
  /** Current access token, or null when signed out. Called for every request and every (re)connect. */
  getAccessToken: () => string | null | Promise<string | null>
  /** Open the WebSocket only for subscriptions (default true). Set false on servers. */
  realtime?: boolean
  onConnectionStateChange?: (state: 'connecting' | 'open' | 'closed') => void
  WebSocket?: typeof globalThis.WebSocket
}

export function createConnectoClient(options: ConnectoClientOptions) {
  const base = options.url.replace(/\/$/, '')
  const headers = async () => {
    const token = await options.getAccessToken()
    return token ? { authorization: `Bearer ${token}` } : {}
  }
  const http = httpBatchLink<AppRouter>({ url: `${base}/trpc`, transformer: superjson, headers })
  if (options.realtime === false) {
    return { trpc: createTRPCClient<AppRouter>({ links: [http] }), close: () => {} }
  }
  const ws = createWSClient({
    url: `${base.replace(/^http/, 'ws')}/trpc`,
    lazy: { enabled: true, closeMs: 10_000 },
    WebSocket: options.WebSocket,
    connectionParams: async () => {
      const token = await options.getAccessToken()
      return token ? { token } : {}
    },
    onOpen: () => options.onConnectionStateChange?.('open'),
    onClose: () => options.onConnectionStateChange?.('closed'),
  })
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws, transformer: superjson }),
        false: http,
      }),
    ],
  })
  return { trpc, close: () => ws.close() }
}

export type ConnectoClient = ReturnType<typeof createConnectoClient>['trpc']

/** The app error behind a failed call: `{ code: 'AUTH004', message, field? }`, or null. */
export function appErrorOf(err: unknown): AppErrorData | null {
  if (!(err instanceof TRPCClientError)) return null
  const app = (err.data as { app?: AppErrorData } | undefined)?.app
  return app && isErrorCode(app.code) ? app : null
}
