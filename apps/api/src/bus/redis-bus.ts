import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { jsonTextOf, parseJsonText } from '../json-text.ts'
import { type Bus, HandlerTable } from './bus.ts'

/**
 * Redis pub/sub bus: one publishing connection, one subscriber connection per node. A node's own
 * subscribers get its messages straight away, as with the in-process bus, not after a round trip
 * through Redis; each message carries the publishing node's id, so a node skips its own echo.
 */
export function createRedisBus(redis: Redis, onError: (err: Error) => void): Bus {
  const nodeId = randomUUID()
  const subscriber = redis.duplicate({ enableAutoPipelining: false })
  subscriber.on('error', onError)
  const handlers = new HandlerTable()
  subscriber.on('message', (channel: string, raw: string) => {
    if (raw.startsWith(nodeId)) return
    handlers.dispatch(channel, parseJsonText(raw.slice(nodeId.length)))
  })
  return {
    kind: 'redis',
    async publish(channel, message) {
      const text = jsonTextOf(message)
      if (handlers.has(channel)) {
        // A copy, delivered on a later tick: subscribers never share the publisher's object or stack.
        queueMicrotask(() => handlers.dispatch(channel, parseJsonText(text)))
      }
      await redis.publish(channel, nodeId + text)
    },
    async subscribe(channel, handler) {
      if (handlers.add(channel, handler)) await subscriber.subscribe(channel)
      return () => {
        if (handlers.remove(channel, handler)) void subscriber.unsubscribe(channel).catch(() => {})
      }
    },
    async ping() {
      const started = performance.now()
      await redis.ping()
      return performance.now() - started
    },
    async close() {
      subscriber.disconnect()
    },
  }
}
