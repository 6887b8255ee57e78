// How the load generator talks to each server under test: connect one client (already subscribed to
// its planet), send a message, and read (seq, content) out of a delivered frame cheaply.
import WebSocket from 'ws'
import type { ServerProcess } from './processes.ts'
import type { BenchClient } from './scenario.ts'
import { mutateOverHttp, TrpcSocket } from './trpc-wire.ts'

/** Bench message texts start with this; a delivery's `content` is what follows it. */
export const CONTENT_PREFIX = 'bench|'
const CONTENT_MARK = `"content":"${CONTENT_PREFIX}`

export type Delivery = { seq: number; content: string }
export type Connection = { send(msgNo: number, content: string): Promise<boolean>; close(): void }

export type Target = {
  name: string
  server: ServerProcess
  /** Where prom-client's default metrics (event-loop delay) are served, if the target has them. */
  metricsUrl?: string
  /** `onOtherFrame` counts the live frames that are not bench messages (typing, delivery receipts, …). */
  connect(
    client: BenchClient,
    onDelivery: (d: Delivery) => void,
    onOtherFrame: () => void,
  ): Promise<Connection>
}

/** The string between `after` and the next `"` in `text`, or null. */
function field(text: string, after: string) {
  const at = text.indexOf(after)
  if (at < 0) return null
  const start = at + after.length
  return text.slice(start, text.indexOf('"', start))
}

const TRACKED_ID_FIRST = '"result":{"type":"data","id":"'

function lastStringField(text: string, key: string) {
  const at = text.lastIndexOf(key)
  return at < 0 ? null : text.slice(at + key.length, text.indexOf('"', at + key.length))
}

/** A bench message in a tRPC data frame of `messages.onPlanetEvent`, or null for any other frame. */
export function apiDeliveryOf(raw: string): Delivery | null {
  if (!raw.includes('"type":"message.new"')) return null
  // The tracked event id is `result.id`. The api writes it before the data (subscription-wire.ts);
  // tRPC's own encoder writes it after, where it is the last "id" in the frame.
  const seq = field(raw, TRACKED_ID_FIRST) ?? lastStringField(raw, '"id":"')
  const content = field(raw, CONTENT_MARK)
  return seq !== null && content !== null && /^\d+$/.test(seq) ? { seq: Number(seq), content } : null
}

/**
 * The real api: tRPC over WebSocket, `messages.onPlanetEvent` to receive and `messages.send` to send,
 * over the same socket as the client SDK sends while it is open, or (`sends: 'http'`) over HTTP as it
 * sends while its socket is down.
 */
export function apiTarget(server: ServerProcess, sends: 'ws' | 'http' = 'ws'): Target {
  return {
    name: sends === 'http' ? 'connecto api (http sends)' : 'connecto api',
    server,
    metricsUrl: `${server.url}/metrics`,
    async connect(client, onDelivery, onOtherFrame) {
      const socket = await TrpcSocket.open(server.url, client.token)
      const started = await socket.subscribe(
        'messages.onPlanetEvent',
        { planetId: client.planetId },
        (raw) => {
          const delivery = apiDeliveryOf(raw)
          if (delivery) onDelivery(delivery)
          else onOtherFrame()
        },
      )
      if (!started) throw new Error(`subscription refused for ${client.userId}`)
      // As the web app does while a chat is on screen: report focus now and every 20 s (claims last 30 s).
      const focus = () => socket.mutate('notifications.focus', { planetId: client.planetId })
      if (!(await focus())) throw new Error(`focus refused for ${client.userId}`)
      const refocus = setInterval(() => void focus(), 20_000)
      return {
        send: (msgNo, content) => {
          const input = {
            planetId: client.planetId,
            clientMessageId: `bench-${msgNo.toString(36).padStart(8, '0')}`,
            content,
          }
          return sends === 'http'
            ? mutateOverHttp(server.url, client.token, 'messages.send', input)
            : socket.mutate('messages.send', input)
        },
        close: () => {
          clearInterval(refocus)
          socket.close()
        },
      }
    },
  }
}

/** The bare ws + pg baseline (baseline-server.ts). */
export function baselineTarget(server: ServerProcess): Target {
  return {
    name: 'bare ws+pg',
    server,
    async connect(client, onDelivery) {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/?planet=${client.planetId}`, {
        perMessageDeflate: false,
      })
      const acks = new Map<number, (ok: boolean) => void>()
      ws.on('message', (data) => {
        const text = data.toString()
        if (text.startsWith('{"ack"')) {
          const id = Number(text.slice(7, text.search(/[,}]/)))
          acks.get(id)?.(!text.includes('"error"'))
          acks.delete(id)
          return
        }
        const seq = field(text, '"seq":"')
        const content = field(text, CONTENT_MARK)
        if (seq !== null && content !== null) onDelivery({ seq: Number(seq), content })
      })
      ws.on('close', () => {
        for (const resolve of acks.values()) resolve(false)
        acks.clear()
      })
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve())
        ws.once('error', reject)
      })
      return {
        send: (msgNo, content) =>
          new Promise<boolean>((resolve) => {
            acks.set(msgNo, resolve)
            ws.send(JSON.stringify({ id: msgNo, planetId: client.planetId, content }))
          }),
        close: () => ws.close(),
      }
    },
  }
}
