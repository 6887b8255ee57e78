// Which JSON-RPC request a subscription's input came with. tRPC doesn't tell a resolver its request id,
// so the decoder remembers each subscription request by its raw input object, the transformer hands
// that on to the deserialised input, and a middleware reading the input with `getRawInput()` finds it.
type RequestId = string | number

const requests = new WeakMap<object, { id: RequestId; jsonrpc: unknown }>()

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Called with each decoded client message. tRPC gives a resumed subscription's `lastEventId` to the
 * procedure by copying its input; it is folded into the input here instead, as tRPC would, so the
 * input object the resolver's middleware sees is still the one remembered.
 */
export function noteSubscriptionRequests(decoded: unknown) {
  for (const message of Array.isArray(decoded) ? decoded : [decoded]) {
    if (!isObject(message) || message.method !== 'subscription' || !isObject(message.params)) continue
    const { id, jsonrpc, params } = message
    if (typeof id !== 'string' && typeof id !== 'number') continue
    const input = params.input
    if (!isObject(input) || !isObject(input.json)) continue
    if (typeof params.lastEventId === 'string') {
      input.json = { ...input.json, lastEventId: params.lastEventId }
      delete params.lastEventId
    }
    requests.set(input, { id, jsonrpc })
  }
}

/** The transformer's deserialised input inherits its raw form's request. */
export function carryRequest(raw: unknown, input: unknown) {
  if (!isObject(raw) || !isObject(input)) return
  const request = requests.get(raw)
  if (request) requests.set(input, request)
}

/** The request a (deserialised) subscription input arrived with, if it arrived over a WebSocket. */
export function subscriptionRequestOf(input: unknown) {
  return isObject(input) ? requests.get(input) : undefined
}
