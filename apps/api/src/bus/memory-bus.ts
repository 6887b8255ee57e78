import { jsonTextOf, parseJsonText } from '../json-text.ts'
import { type Bus, HandlerTable } from './bus.ts'

export function createMemoryBus(): Bus {
  const handlers = new HandlerTable()
  return {
    kind: 'memory',
    async publish(channel, message) {
      // Deliver on a later tick, as a network bus would, so publishers never run subscriber code inline.
      // A copy through JSON text, as the Redis bus makes one: subscribers see the same values either way.
      const text = jsonTextOf(message)
      queueMicrotask(() => handlers.dispatch(channel, parseJsonText(text)))
    },
    async subscribe(channel, handler) {
      handlers.add(channel, handler)
      return () => void handlers.remove(channel, handler)
    },
    async ping() {
      return 0
    },
    async close() {},
  }
}
