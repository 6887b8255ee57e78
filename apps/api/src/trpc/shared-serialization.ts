// Serialises a broadcast value once per node, not once per subscriber. A live event reaches every
// subscriber of the planet on this node as the same object (one bus message, parsed once), and tRPC
// would run the transformer on it for each of them; values marked here are transformed once and the
// result reused. Only marked values are cached, and they must not change after being marked. The
// WebSocket encoder does the same one step later: the JSON text of a shared result is made once and
// spliced into each subscriber's response frame.
import type { Encoder } from '@trpc/server/adapters/ws'
import superjson from 'superjson'

type Serialized = ReturnType<typeof superjson.serialize>

const shared = new WeakMap<object, Serialized | null>()
/** Serialised shared values → their JSON text, once a frame needed it. */
const sharedJson = new WeakMap<Serialized, string | null>()

/** Marks a value that will be sent unchanged to several subscribers; returns it. */
export function markShared<T extends object>(value: T): T {
  if (!shared.has(value)) shared.set(value, null)
  return value
}

/** The router's transformer: superjson, with marked values serialised once. */
export const transformer = {
  serialize(value: unknown) {
    if (typeof value !== 'object' || value === null || !shared.has(value)) return superjson.serialize(value)
    let serialized = shared.get(value)
    if (!serialized) {
      serialized = superjson.serialize(value)
      shared.set(value, serialized)
      sharedJson.set(serialized, null)
    }
    return serialized
  },
  deserialize: (value: unknown) => superjson.deserialize(value as Serialized),
}

type Response = { result?: { data?: unknown } }

/** tRPC's JSON text frames, with a shared result's JSON made once rather than once per subscriber. */
export const wsEncoder: Encoder = {
  encode(message) {
    const { result } = (message ?? {}) as Response
    const data = result?.data
    if (typeof data !== 'object' || data === null || !sharedJson.has(data as Serialized)) {
      return JSON.stringify(message)
    }
    let json = sharedJson.get(data as Serialized)
    if (!json) {
      json = JSON.stringify(data)
      sharedJson.set(data as Serialized, json)
    }
    const { result: _result, ...envelope } = message as Record<string, unknown>
    const { data: _data, ...rest } = result as Record<string, unknown>
    // `{...envelope,"result":{...rest}}` with `"data":<json>` appended inside `result`.
    const head = JSON.stringify({ ...envelope, result: rest })
    return `${head.slice(0, -2)}${Object.keys(rest).length > 0 ? ',' : ''}"data":${json}}}`
  },
  decode(data) {
    if (typeof data !== 'string') throw new Error('expected a text frame')
    return JSON.parse(data)
  },
}
