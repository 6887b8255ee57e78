import superjson from 'superjson'
import { describe, expect, it } from 'vitest'
import { markPlainJson, parseJsonText } from '../json-text.ts'
import { markShared, transformer, wsEncoder } from './shared-serialization.ts'

describe('shared serialisation', () => {
  it('serialises a marked value once and hands every subscriber the same result', () => {
    const event = markShared({ type: 'message.new', at: new Date('2026-01-01T00:00:00Z') })
    const first = transformer.serialize(event)
    expect(transformer.serialize(event)).toBe(first)
    expect(superjson.deserialize(first)).toEqual(event)
  })

  it('serialises unmarked values afresh, so a reused object that changed is sent as it is now', () => {
    const value = { n: 1 }
    const first = transformer.serialize(value)
    value.n = 2
    expect(transformer.serialize(value)).not.toBe(first)
    expect(superjson.deserialize(transformer.serialize(value))).toEqual({ n: 2 })
  })

  it('serialises tRPC’s tracked wrapper of a shared value exactly as superjson would, once per id', () => {
    const shapes = [
      { m: 'plain' },
      { at: new Date(0), nested: { at: new Date(1), gone: undefined }, list: [new Date(2)] },
      { 'dotted.key': new Date(3) },
    ]
    for (const shape of shapes) {
      const event = markShared(shape)
      const wrapper = { id: '7', data: event }
      const serialized = transformer.serialize(wrapper)
      expect(serialized).toEqual(superjson.serialize(wrapper))
      expect(transformer.serialize({ id: '7', data: event })).toBe(serialized)
      expect(superjson.deserialize(serialized)).toEqual(wrapper)
      expect(transformer.serialize({ id: '8', data: event })).toEqual(
        superjson.serialize({ id: '8', data: event }),
      )
    }
  })

  it('passes plain JSON data through as superjson would, without walking it', () => {
    const view = markPlainJson({
      id: 'm1',
      at: '2026-01-01T00:00:00.000Z',
      list: [1, 'a', null],
      nested: { b: true },
    })
    const serialized = transformer.serialize(view)
    expect(serialized).toEqual(superjson.serialize(view))
    expect(serialized.json).toBe(view)
    const wrapper = { id: '3', data: markShared(parseJsonText('{"n":1}') as object) }
    expect(transformer.serialize(wrapper)).toEqual(superjson.serialize(wrapper))
  })

  it('falls back to plain superjson for a shared value with repeated references', () => {
    const inner = { a: 1 }
    const wrapper = { id: '1', data: markShared({ p: inner, q: inner }) }
    expect(transformer.serialize(wrapper)).toEqual(superjson.serialize(wrapper))
  })

  it('passes primitives and null through superjson', () => {
    expect(transformer.deserialize(transformer.serialize(null))).toBeNull()
    expect(transformer.deserialize(transformer.serialize(42))).toBe(42)
  })
})

describe('wsEncoder', () => {
  it('frames a shared result exactly as JSON.stringify would, reusing its JSON text', () => {
    const data = transformer.serialize({
      id: '7',
      data: markShared({ text: 'hé "quoted"', at: new Date(0) }),
    })
    for (const id of [1, 'req-"2"']) {
      const message = { id, jsonrpc: '2.0', result: { type: 'data', id: '7', data } }
      expect(JSON.parse(wsEncoder.encode(message) as string)).toEqual(JSON.parse(JSON.stringify(message)))
    }
    const bare = { id: 3, result: { data } }
    expect(JSON.parse(wsEncoder.encode(bare) as string)).toEqual(JSON.parse(JSON.stringify(bare)))
  })

  it('frames everything else with JSON.stringify and decodes text frames', () => {
    const message = { id: 1, result: { type: 'data', data: { json: { a: 1 } } } }
    expect(wsEncoder.encode(message)).toBe(JSON.stringify(message))
    expect(wsEncoder.encode({ id: null, method: 'reconnect' })).toBe('{"id":null,"method":"reconnect"}')
    expect(wsEncoder.decode('{"a":1}')).toEqual({ a: 1 })
  })
})
