// The live layer's per-process state: rate limits, typing state and its expiry timers, away flags and
// the delivered-watermark batcher. Redis-backed when Redis is configured, in-process otherwise.
import type { Db } from '@connecto/db'
import type { Redis } from 'ioredis'
import type { Bus } from '../bus/bus.ts'
import type { Logger } from '../observability/logger.ts'
import { createDeliveryRecorder, type DeliveryRecorder } from '../reads/delivery-recorder.ts'
import { type AwayStore, createMemoryAwayStore, createRedisAwayStore } from './away-store.ts'
import { createRealtimeLimits, type RealtimeLimits } from './realtime-limits.ts'
import { KeyedTimers } from './timers.ts'
import { createMemoryTypingStore, createRedisTypingStore, type TypingStore } from './typing-store.ts'

export type Realtime = {
  limits: RealtimeLimits
  typing: TypingStore
  /** Node-local timers that announce a typing stop when an entry expires unrefreshed. */
  typingExpiry: KeyedTimers
  away: AwayStore
  deliveries: DeliveryRecorder
  close(): Promise<void>
}

export function createRealtime(opts: { db: Db; bus: Bus; redis: Redis | null; logger: Logger }): Realtime {
  const typingExpiry = new KeyedTimers()
  const deliveries = createDeliveryRecorder({ db: opts.db, bus: opts.bus, logger: opts.logger })
  return {
    limits: createRealtimeLimits({ redis: opts.redis }),
    typing: opts.redis ? createRedisTypingStore(opts.redis) : createMemoryTypingStore(),
    typingExpiry,
    away: opts.redis ? createRedisAwayStore(opts.redis) : createMemoryAwayStore(),
    deliveries,
    async close() {
      typingExpiry.close()
      await deliveries.close()
    },
  }
}
