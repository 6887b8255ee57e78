// Lets a hot subscription write its data frames straight to its socket instead of through tRPC's
// per-item loop (an async iterator raced against the stop signal, a response object spread and
// transformed, then encoded), which cost more than the frame itself once an event fans out to every
// member of a planet. The frames are byte for byte the ones tRPC would send, so any tRPC client reads
// them; tRPC still starts, stops and fails the subscription as usual.
//
// A resolver doesn't learn its JSON-RPC request id from tRPC: subscription-requests.ts carries it on
// the input, where a middleware finds it with `getRawInput()`.
import type { WebSocket } from 'ws'
import { sendDataFrame } from '../ws-limits.ts'
import { trackedResultJson } from './shared-serialization.ts'
import { subscriptionRequestOf } from './subscription-requests.ts'

/** Where a subscription's frames go, and the start every one of its frames shares. */
export type SubscriptionWire = { socket: WebSocket; head: Buffer }

/** The wire for a subscription whose raw input is `rawInput`, when it came over a WebSocket. */
export function subscriptionWire(socket: WebSocket | undefined, rawInput: unknown): SubscriptionWire | null {
  const request = subscriptionRequestOf(rawInput)
  if (!socket || !request) return null
  const jsonrpc = request.jsonrpc === '2.0' ? ',"jsonrpc":"2.0"' : ''
  return { socket, head: Buffer.from(`{"id":${JSON.stringify(request.id)}${jsonrpc}`) }
}

/** Last frame tail per shared value: everything after the request id, the same for every subscriber. */
const tails = new WeakMap<object, { id: string; tail: Buffer }>()

function trackedTail(id: string, data: object) {
  const known = tails.get(data)
  if (known?.id === id) return known.tail
  const tail = Buffer.from(
    `,"result":{"type":"data","id":${JSON.stringify(id)},"data":${trackedResultJson(id, data)}}}`,
  )
  tails.set(data, { id, tail })
  return tail
}

/**
 * The data frame tRPC sends for a tracked item `{ id, data }` (a shared value: see shared-serialization.ts),
 * as UTF-8: encoded once per node, then copied behind each subscriber's request id.
 */
export function trackedDataFrame(wire: SubscriptionWire, id: string, data: object) {
  return Buffer.concat([wire.head, trackedTail(id, data)])
}

export function sendTracked(wire: SubscriptionWire, id: string, data: object) {
  if (wire.socket.readyState !== wire.socket.OPEN) return
  sendDataFrame(wire.socket, trackedDataFrame(wire, id, data))
}
