// A real tRPC WebSocket client for tests, the way mobile and web clients connect.
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client'
import superjson from 'superjson'
import WebSocket from 'ws'
import type { AppRouter } from '../src/router.ts'

export function connectClient(baseUrl: string, token: string | (() => string)) {
  const getToken = typeof token === 'function' ? token : () => token
  const closes: { code: number; reason: string }[] = []
  const ws = createWSClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: () => ({ token: getToken() }),
    retryDelayMs: () => 100,
    onClose: (cause) => closes.push({ code: cause?.code ?? 0, reason: '' }),
  })
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws, transformer: superjson }),
        false: httpBatchLink({
          url: `${baseUrl}/trpc`,
          transformer: superjson,
          headers: () => ({ authorization: `Bearer ${getToken()}` }),
        }),
      }),
    ],
  })
  return { trpc, ws, closes, close: () => ws.close() }
}

/** Collects what a subscription yields, with a helper to wait for a count. */
export function collect<T>() {
  const items: T[] = []
  const errors: unknown[] = []
  let waiters: { n: number; resolve: () => void }[] = []
  return {
    items,
    errors,
    push(item: T) {
      items.push(item)
      const ready = waiters.filter((w) => items.length >= w.n)
      waiters = waiters.filter((w) => items.length < w.n)
      for (const w of ready) w.resolve()
    },
    fail(err: unknown) {
      errors.push(err)
    },
    waitFor(n: number, timeoutMs = 5000) {
      if (items.length >= n) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${n} items; got ${items.length}`)),
          timeoutMs,
        )
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          },
        })
      })
    },
  }
}
