// A bare `ws` socket speaking tRPC's JSON-RPC wire format, for tests that need control the tRPC client
// hides: the handshake headers, when (or whether) to answer PINGs, reading paused, raw close codes.
import superjson from 'superjson'
import WebSocket from 'ws'

export type RawReply = {
  id: number | string | null
  result?: { type?: string; data?: unknown }
  error?: unknown
}

export function openRawSocket(
  baseUrl: string,
  opts: { token?: string; origin?: string; query?: string } = {},
) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/trpc?connectionParams=1${opts.query ?? ''}`
  const ws = new WebSocket(url, { headers: opts.origin ? { origin: opts.origin } : {} })
  const replies: RawReply[] = []
  const waiters = new Set<() => void>()
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ method: 'connectionParams', data: opts.token ? { token: opts.token } : {} }))
      resolve()
    })
    ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)))
    ws.once('error', reject)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  ws.on('message', (data) => {
    const text = data.toString()
    if (text === 'PING' || text === 'PONG') return
    replies.push(JSON.parse(text) as RawReply)
    for (const wake of waiters) wake()
  })
  const send = (msg: unknown) => ws.send(JSON.stringify(msg))
  return {
    ws,
    opened,
    closed,
    replies,
    send,
    /** Sends a tRPC call and resolves with the first reply carrying its id. */
    call(id: number, method: 'query' | 'mutation' | 'subscription', path: string, input: unknown) {
      send({ id, method, params: { path, input: superjson.serialize(input) } })
      return this.replyTo(id)
    },
    replyTo(id: number, timeoutMs = 5000) {
      return new Promise<RawReply>((resolve, reject) => {
        const check = () => {
          const reply = replies.find((r) => r.id === id)
          if (!reply) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(reply)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no reply to ${id}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
  }
}

/** The app error code inside a raw tRPC error reply. */
export function appCodeOf(reply: RawReply) {
  const error = superjson.deserialize(reply.error as never) as { data?: { app?: { code?: string } } }
  return error?.data?.app?.code
}
