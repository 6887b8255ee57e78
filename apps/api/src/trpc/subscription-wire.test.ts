import { initTRPC } from '@trpc/server'
import { transformTRPCResponse } from '@trpc/server/unstable-core-do-not-import'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { parseJsonText } from '../json-text.ts'
import { markShared, transformer, wsEncoder } from './shared-serialization.ts'
import { subscriptionRequestOf } from './subscription-requests.ts'
import { subscriptionWire, trackedDataFrame } from './subscription-wire.ts'

const config = initTRPC.create({ transformer })._config
const socket = {} as WebSocket

/** A client's subscription message as it arrives, decoded and with its input deserialised, as tRPC does. */
function receive(message: object) {
  const decoded = wsEncoder.decode(JSON.stringify(message)) as { params: { input: unknown } }
  return { decoded, input: transformer.deserialize(decoded.params.input) }
}

describe('subscription wire', () => {
  it('writes the frame tRPC itself would send for a tracked item', () => {
    const event = markShared({ type: 'message.new', text: 'hé "quoted"', at: new Date(5), seq: 7 })
    for (const [id, jsonrpc] of [
      [1, undefined],
      ['req-"2"', '2.0'],
    ] as const) {
      const { input } = receive({
        id,
        jsonrpc,
        method: 'subscription',
        params: { path: 'p', input: { json: { a: 1 } } },
      })
      const wire = subscriptionWire(socket, input)!
      const viaTrpc = wsEncoder.encode(
        transformTRPCResponse(config, {
          id,
          jsonrpc,
          result: { type: 'data', id: '7', data: { id: '7', data: event } },
        }),
      ) as string
      expect(JSON.parse(trackedDataFrame(wire, '7', event).toString('utf8'))).toEqual(JSON.parse(viaTrpc))
    }
  })

  it('splices an event’s known JSON text into the frame as it is, byte for byte what tRPC would send', () => {
    const text = '{"type":"message.new","text":"안녕 \\"hi\\"","seq":7}'
    const event = markShared(parseJsonText(text) as object)
    const { input } = receive({ id: 3, method: 'subscription', params: { path: 'p', input: { json: {} } } })
    const wire = subscriptionWire(socket, input)!
    const viaTrpc = wsEncoder.encode(
      transformTRPCResponse(config, {
        id: 3,
        result: { type: 'data', id: '7', data: { id: '7', data: event } },
      }),
    ) as string
    const frame = trackedDataFrame(wire, '7', event)
    expect(frame.toString('utf8')).toBe(viaTrpc)
    expect(frame.includes(Buffer.from(text))).toBe(true)
    // A text that JSON.stringify would not give back is still reused: it is not made a second time.
    const spaced = markShared(parseJsonText('{ "seq" : 8 }') as object)
    expect(trackedDataFrame(wire, '8', spaced).toString('utf8')).toBe(
      '{"id":3,"result":{"type":"data","id":"8","data":{"json":{"id":"8","data":{ "seq" : 8 }}}}}',
    )
  })

  it('folds a resumed subscription’s lastEventId into its input, as tRPC would, and keeps its request', () => {
    const { decoded, input } = receive({
      id: 4,
      method: 'subscription',
      params: { path: 'messages.onPlanetEvent', input: { json: { planetId: 'p1' } }, lastEventId: '12' },
    })
    expect(input).toEqual({ planetId: 'p1', lastEventId: '12' })
    expect(decoded.params).not.toHaveProperty('lastEventId')
    expect(subscriptionRequestOf(input)).toEqual({ id: 4, jsonrpc: undefined })
  })

  it('remembers each subscription of a batch, and nothing else', () => {
    const batch = [
      { id: 1, method: 'subscription', params: { path: 'a', input: { json: { n: 1 } } } },
      { id: 2, method: 'mutation', params: { path: 'b', input: { json: { n: 2 } } } },
    ]
    const decoded = wsEncoder.decode(JSON.stringify(batch)) as { params: { input: unknown } }[]
    const inputs = decoded.map((m) => transformer.deserialize(m.params.input))
    expect(subscriptionRequestOf(inputs[0])).toEqual({ id: 1, jsonrpc: undefined })
    expect(subscriptionRequestOf(inputs[1])).toBeUndefined()
    expect(subscriptionWire(undefined, inputs[0])).toBeNull()
    expect(subscriptionWire(socket, { n: 1 })).toBeNull()
  })
})
