// Serialises a broadcast value once per node, not once per subscriber. A live event reaches every
// subscriber of the planet on this node as the same object (one bus message, parsed once), and tRPC
// would run the transformer on it for each of them; values marked here are transformed once and the
// result reused. Only marked values are cached, and they must not change after being marked. The
// WebSocket encoder does the same one step later: the JSON text of a shared result is made once and
// spliced into each subscriber's response frame. Plain JSON values (json-text.ts) skip superjson, whose
// result for them is `{ json: value }`, and a value whose JSON text is known (an event off the bus) is
// never stringified again.
import type { Encoder } from '@trpc/server/adapters/ws'
import superjson from 'superjson'
import { isPlainJson, knownJsonText } from '../json-text.ts'
import { carryRequest, isObject, noteSubscriptionRequests } from './subscription-requests.ts'

type Serialized = ReturnType<typeof superjson.serialize>

const shared = new WeakMap<object, Serialized | null>()
/** Serialised shared values → their JSON text, once a frame needed it. */
const sharedJson = new WeakMap<Serialized, string | null>()

/** Marks a value that will be sent unchanged to several subscribers; returns it. */
export function markShared<T extends object>(value: T): T {
  if (!shared.has(value)) shared.set(value, null)
  return value
}

function serializeShared(value: object) {
  let serialized = shared.get(value)
  if (!serialized) {
    serialized = isPlainJson(value) ? ({ json: value } as Serialized) : superjson.serialize(value)
    shared.set(value, serialized)
    const text = knownJsonText(value)
    sharedJson.set(serialized, text === undefined ? null : `{"json":${text}}`)
  }
  return serialized
}

/** Last wrapped result per shared value: every subscriber on the node wraps it with the same id. */
const wrapped = new WeakMap<object, { id: string; serialized: Serialized }>()

/**
 * tRPC wraps a tracked item as `{ id, data }`, a new object per subscriber: serialise `data` once and
 * build the wrapper's result around it, as superjson would (its paths get the `data.` prefix).
 */
function serializeTracked(id: string, data: object): Serialized {
  const known = wrapped.get(data)
  if (known?.id === id) return known.serialized
  const inner = serializeShared(data)
  // Shared references are rare in events and their paths are not worth rewriting here.
  if (inner.meta?.referentialEqualities) return superjson.serialize({ id, data })
  const values = inner.meta?.values
  const serialized: Serialized = { json: { id, data: inner.json } }
  if (inner.meta && values) {
    serialized.meta = {
      ...inner.meta,
      values: Array.isArray(values)
        ? { data: values }
        : Object.fromEntries(Object.entries(values).map(([path, type]) => [`data.${path}`, type])),
    }
  }
  const text = knownJsonText(data)
  sharedJson.set(
    serialized,
    text === undefined || serialized.meta ? null : `{"json":{"id":${JSON.stringify(id)},"data":${text}}}`,
  )
  wrapped.set(data, { id, serialized })
  return serialized
}

/** The router's transformer: superjson, with marked values serialised once and plain JSON as it is. */
export const transformer = {
  serialize(value: unknown) {
    if (!isObject(value)) return superjson.serialize(value)
    if (shared.has(value)) return serializeShared(value)
    if (isPlainJson(value)) return { json: value } as Serialized
    const { id, data } = value
    if (typeof id === 'string' && isObject(data) && shared.has(data) && Object.keys(value).length === 2) {
      return serializeTracked(id, data)
    }
    return superjson.serialize(value)
  },
  deserialize(value: unknown) {
    const result = superjson.deserialize(value as Serialized)
    carryRequest(value, result)
    return result
  },
}

/** The JSON text of a shared value's tracked result `{ id, data }`, made once per node for all its subscribers. */
export function trackedResultJson(id: string, data: object) {
  markShared(data)
  return jsonOf(serializeTracked(id, data))
}

function jsonOf(serialized: Serialized) {
  let json = sharedJson.get(serialized)
  if (!json) {
    json = JSON.stringify(serialized)
    sharedJson.set(serialized, json)
  }
  return json
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
    const json = jsonOf(data as Serialized)
    const { result: _result, ...envelope } = message as Record<string, unknown>
    const { data: _data, ...rest } = result as Record<string, unknown>
    // `{...envelope,"result":{...rest}}` with `"data":<json>` appended inside `result`.
    const head = JSON.stringify({ ...envelope, result: rest })
    return `${head.slice(0, -2)}${Object.keys(rest).length > 0 ? ',' : ''}"data":${json}}}`
  },
  decode(data) {
    if (typeof data !== 'string') throw new Error('expected a text frame')
    const decoded = JSON.parse(data)
    noteSubscriptionRequests(decoded)
    return decoded
  },
}
