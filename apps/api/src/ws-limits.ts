// The limits every WebSocket lives under, so one client cannot exhaust a node: which browser origins may
// connect, no tokens in URLs, sockets per user, live subscriptions per socket, and the unsent backlog
// of a reader that stopped reading.
import type { Duplex } from 'node:stream'
import type { AnyRouter } from '@trpc/server'
import { TRPCError } from '@trpc/server'
import { getErrorShape, transformTRPCResponse } from '@trpc/server/unstable-core-do-not-import'
import type { RawData, WebSocket } from 'ws'
import type { Config } from './config/config.ts'
import { AppError } from './errors/app-error.ts'
import { onTurnEnd } from './turn-end.ts'

export type WsLimits = Config['ws']

/** Close codes a client can act on (4000–4999 are the application's own). */
export const WS_CLOSE = {
  tooManySockets: { code: 4429, reason: 'too many connections for this account' },
  slowConsumer: { code: 4008, reason: 'too much unsent data: the client is not reading' },
} as const

/** Native apps send no Origin; browsers always do, and only the web apps' own pages are let in. */
export function originAllowed(origin: string | undefined, allowedOrigins: readonly string[]) {
  return origin === undefined || allowedOrigins.includes(origin)
}

const TOKEN_PARAMS = new Set(['token', 'accesstoken', 'access_token', 'refreshtoken', 'authorization', 'jwt'])

/** Tokens travel in connectionParams only; a URL carrying one would end up in proxy and access logs. */
export function urlCarriesToken(url: string) {
  const params = new URL(url, 'http://localhost').searchParams
  for (const key of params.keys()) if (TOKEN_PARAMS.has(key.toLowerCase())) return true
  return false
}

/** Answers a refused handshake with a plain HTTP status before any WebSocket exists. */
export function refuseUpgrade(socket: Duplex, status: 400 | 403, reason: string) {
  const text = status === 400 ? 'Bad Request' : 'Forbidden'
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  )
}

/** Open sockets per user on this node; `admit` refuses once a user has `max` of them. */
export class SocketsPerUser {
  private readonly counts = new Map<string, number>()

  constructor(private readonly max: number) {}

  admit(userId: string, socket: WebSocket) {
    const open = this.counts.get(userId) ?? 0
    if (open >= this.max) return false
    this.counts.set(userId, open + 1)
    socket.once('close', () => {
      const left = (this.counts.get(userId) ?? 1) - 1
      if (left > 0) this.counts.set(userId, left)
      else this.counts.delete(userId)
    })
    return true
  }
}

/**
 * Frames for one socket in one turn of the event loop leave in one write: the socket is corked at its
 * first frame and uncorked once the turn's I/O callbacks are done. The answer to a send and the
 * sender's own copy of the message, or two messages of one planet in one batch, then cost one system
 * call rather than one each (a write to a socket is most of a frame's cost).
 */
const corkedThisTurn = new Set<Duplex>()

function holdForTurn(socket: WebSocket) {
  // ws keeps the TCP socket here; its own cork around each frame nests inside this one.
  const raw = (socket as unknown as { _socket?: Duplex })._socket
  if (!raw || corkedThisTurn.has(raw)) return
  raw.cork()
  if (corkedThisTurn.size === 0) onTurnEnd(uncorkAll)
  corkedThisTurn.add(raw)
}

function uncorkAll() {
  for (const raw of corkedThisTurn) raw.uncork()
  corkedThisTurn.clear()
}

/** Per guarded socket: sends a frame known to be subscription data, which can't end a subscription. */
const dataFrameSenders = new WeakMap<WebSocket, (frame: Buffer, options: { binary: false }) => void>()

/** A frame given as UTF-8 bytes of JSON text still goes out as the text frame tRPC would send. */
const TEXT = { binary: false } as const

/** Sends a subscription's data frame under the socket's backlog limit, without reading it for ends. */
export function sendDataFrame(socket: WebSocket, frame: Buffer) {
  const send = dataFrameSenders.get(socket)
  if (send) send(frame, TEXT)
  else socket.send(frame, TEXT)
}

type RpcMessage = {
  id?: string | number | null
  jsonrpc?: '2.0'
  method?: string
  params?: { path?: string }
}

/**
 * Watches a socket's JSON-RPC traffic (tRPC's ws adapter has no hook for either rule): refuses a
 * subscription past `maxSubscriptionsPerSocket` with RT003, and closes the socket once its unsent
 * backlog passes `maxBufferedBytes`, since a client that stopped reading would otherwise grow it
 * without bound.
 */
export function guardSocket(
  socket: WebSocket,
  router: AnyRouter,
  limits: WsLimits,
  onSlowConsumer: (bufferedAmount: number) => void,
) {
  const active = new Set<string | number>()

  const refuse = (msg: RpcMessage) => {
    const error = new TRPCError({ code: 'TOO_MANY_REQUESTS', cause: new AppError('RT003') })
    const shape = getErrorShape({
      config: router._def._config,
      error,
      type: 'subscription',
      path: msg.params?.path,
      input: undefined,
      ctx: undefined,
    })
    send(
      JSON.stringify(
        transformTRPCResponse(router._def._config, {
          id: msg.id ?? null,
          jsonrpc: msg.jsonrpc,
          error: shape,
        }),
      ),
    )
  }

  /** The messages tRPC may run; over-the-cap subscriptions are answered here and left out. */
  const admitted = (messages: RpcMessage[]) =>
    messages.filter((msg) => {
      if (msg.id === undefined || msg.id === null) return true
      if (msg.method === 'subscription.stop') active.delete(msg.id)
      if (msg.method !== 'subscription' || active.has(msg.id)) return true
      if (active.size >= limits.maxSubscriptionsPerSocket) {
        refuse(msg)
        return false
      }
      active.add(msg.id)
      return true
    })

  const emit = socket.emit.bind(socket)
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event !== 'message' || args[1] === true) return emit(event, ...args)
    const raw = args[0] as RawData
    // Only subscription traffic needs reading; everything else passes untouched and unparsed.
    if (!Buffer.isBuffer(raw) || !raw.includes('"subscription')) return emit(event, ...args)
    let parsed: unknown
    try {
      parsed = JSON.parse(raw.toString('utf8'))
    } catch {
      return emit(event, ...args)
    }
    const batch = Array.isArray(parsed)
    const messages = (batch ? parsed : [parsed]) as RpcMessage[]
    const kept = admitted(messages)
    if (kept.length === messages.length) return emit(event, ...args)
    if (kept.length === 0) return true
    return emit(event, Buffer.from(JSON.stringify(batch ? kept : kept[0])), false)
  }) as typeof socket.emit

  const rawSend = socket.send.bind(socket) as (...args: unknown[]) => void
  const sendAndCheckBacklog = (data: unknown, ...rest: unknown[]) => {
    holdForTurn(socket)
    rawSend(data, ...rest)
    if (socket.bufferedAmount > limits.maxBufferedBytes && socket.readyState === socket.OPEN) {
      onSlowConsumer(socket.bufferedAmount)
      // A close frame would queue behind the backlog the client is not reading; drop the connection now.
      socket.terminate()
    }
  }
  const send = (data: unknown, ...rest: unknown[]) => {
    if (
      active.size > 0 &&
      typeof data === 'string' &&
      (data.includes('"stopped"') || data.includes('"error"'))
    ) {
      forgetEnded(data)
    }
    sendAndCheckBacklog(data, ...rest)
  }
  socket.send = send as typeof socket.send
  dataFrameSenders.set(socket, sendAndCheckBacklog)

  const forgetEnded = (data: string) => {
    try {
      const reply = JSON.parse(data) as { id?: string | number; error?: unknown; result?: { type?: string } }
      if (reply.id !== undefined && (reply.error !== undefined || reply.result?.type === 'stopped')) {
        active.delete(reply.id)
      }
    } catch {
      // Not JSON-RPC (e.g. the keep-alive PING): nothing to forget.
    }
  }
}
