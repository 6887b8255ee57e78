// A lean tRPC WebSocket client: the same JSON-RPC wire format and superjson payloads @trpc/client's
// wsLink speaks (connectionParams first, `subscription` / `mutation` calls, PING → PONG), without the
// observable machinery, so a thousand of them fit beside the api on one small machine; and a mutation
// over HTTP as the batch link sends it.
import superjson from 'superjson'
import WebSocket from 'ws'

export type DataHandler = (raw: string) => void

export class TrpcSocket {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (ok: boolean) => void }>()
  private readonly subscriptions = new Map<number, DataHandler>()
  readonly ws: WebSocket

  private constructor(ws: WebSocket) {
    this.ws = ws
    ws.on('message', (data) => this.onMessage(data.toString()))
    ws.on('close', () => {
      for (const p of this.pending.values()) p.resolve(false)
      this.pending.clear()
    })
  }

  static open(baseUrl: string, token: string) {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/trpc?connectionParams=1`, {
      perMessageDeflate: false,
    })
    return new Promise<TrpcSocket>((resolve, reject) => {
      ws.once('open', () => {
        ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }))
        resolve(new TrpcSocket(ws))
      })
      ws.once('error', reject)
    })
  }

  /** Resolves once the server has started the subscription; `onData` gets each raw data frame. */
  subscribe(path: string, input: unknown, onData: DataHandler) {
    const id = this.nextId++
    this.subscriptions.set(id, onData)
    return this.call(id, 'subscription', path, input)
  }

  /** Resolves true when the server answered with a result, false on an error reply or a closed socket. */
  mutate(path: string, input: unknown) {
    return this.call(this.nextId++, 'mutation', path, input)
  }

  close() {
    this.ws.close()
  }

  private call(id: number, method: string, path: string, input: unknown) {
    return new Promise<boolean>((resolve) => {
      this.pending.set(id, { resolve })
      this.ws.send(JSON.stringify({ id, method, params: { path, input: superjson.serialize(input) } }))
    })
  }

  private onMessage(text: string) {
    if (text === 'PING') return void this.ws.send('PONG')
    // Cheap routing by the leading id; only replies that settle a call are parsed.
    const id = Number(text.slice(6, text.indexOf(',')))
    const handler = this.subscriptions.get(id)
    if (handler && text.includes('"type":"data"')) return handler(text)
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    pending.resolve(!text.includes('"error":'))
  }
}

/**
 * A mutation as tRPC's HTTP batch link sends it: one POST with the bearer token, on the runtime's
 * kept-alive connections. Resolves true when the server answered with a result.
 */
export async function mutateOverHttp(baseUrl: string, token: string, path: string, input: unknown) {
  try {
    const res = await fetch(`${baseUrl}/trpc/${path}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ 0: superjson.serialize(input) }),
    })
    await res.arrayBuffer()
    return res.ok
  } catch {
    return false
  }
}
