import type { Redis } from 'ioredis'
import superjson from 'superjson'
import { type Bus, HandlerTable } from './bus.ts'

/** Redis pub/sub bus: one publishing connection, one subscriber connection per node. */
export function createRedisBus(redis: Redis, onError: (err: Error) => void): Bus {
  const subscriber = redis.duplicate()
  subscriber.on('error', onError)
  const handlers = new HandlerTable()
  subscriber.on('message', (channel: string, raw: string) => {
    handlers.dispatch(channel, superjson.parse(raw))
  })
  return {
    kind: 'redis',
    async publish(channel, message) {
      await redis.publish(channel, superjson.stringify(message))
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
