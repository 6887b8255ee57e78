// Over Redis, a node re-writes its online users' presence before their keys expire, a few hundred per
// round trip: every one comes back, however many the node holds.
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisSkipReason, redisUrl } from '../../test/harness.ts'
import type { Logger } from '../observability/logger.ts'
import { createRedisPresence, presenceKey } from './presence.ts'

const skip = redisSkipReason()

describe.skipIf(!!skip)(`presence refresh over Redis${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let redis: Redis
  beforeAll(() => {
    redis = new Redis(redisUrl()!)
  })
  afterAll(() => redis.quit())

  it('restores every online user’s key, in chunks, on each refresh', async () => {
    const logger = pino({ level: 'silent' }) as unknown as Logger
    const presence = createRedisPresence(redis, { logger, refreshMs: 100 })
    const users = Array.from({ length: 450 }, () => `presence-refresh-${randomUUID()}`)
    try {
      for (const user of users) presence.connect(user)
      await expect.poll(async () => redis.exists(...users.map(presenceKey))).toBe(users.length)
      await redis.del(...users.map(presenceKey))
      await expect
        .poll(async () => redis.exists(...users.map(presenceKey)), { timeout: 5000 })
        .toBe(users.length)
      expect(await presence.isOnline(users)).toEqual(new Set(users))
    } finally {
      await presence.close()
    }
  })
})
