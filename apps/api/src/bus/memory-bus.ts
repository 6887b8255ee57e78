import { type Bus, HandlerTable } from './bus.ts'

export function createMemoryBus(): Bus {
  const handlers = new HandlerTable()
  return {
    kind: 'memory',
    async publish(channel, message) {
      // Deliver on a later tick, as a network bus would, so publishers never run subscriber code inline.
      queueMicrotask(() => handlers.dispatch(channel, structuredClone(message)))
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
