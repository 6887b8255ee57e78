// Who is typing where, with a 5-second expiry. In-process without Redis; with Redis a sorted set
// `typing:{planetId}` (member = user id, score = expiry in ms) whose key expires with its last entry,
// so every node sees the same state and nothing outlives its TTL.
import type { Redis } from 'ioredis'

export type TypingStore = {
  readonly kind: 'memory' | 'redis'
  /** Marks the user typing from `now` until `expiresAt` (ms). */
  start(planetId: string, userId: string, now: number, expiresAt: number): Promise<void>
  /** Clears the entry; true when the user was typing. */
  stop(planetId: string, userId: string): Promise<boolean>
  /** Expiry (ms) of the user's entry when still in force at `now`, else null. */
  expiresAt(planetId: string, userId: string, now: number): Promise<number | null>
  /** Users typing at `now`. */
  list(planetId: string, now: number): Promise<string[]>
}

export const typingKey = (planetId: string) => `typing:${planetId}`

export function createMemoryTypingStore(): TypingStore {
  const planets = new Map<string, Map<string, number>>()
  const live = (planetId: string, now: number) => {
    const entries = planets.get(planetId)
    if (!entries) return null
    for (const [userId, expiry] of entries) if (expiry <= now) entries.delete(userId)
    if (entries.size === 0) planets.delete(planetId)
    return entries.size > 0 ? entries : null
  }
  return {
    kind: 'memory',
    async start(planetId, userId, _now, expiresAt) {
      const entries = planets.get(planetId) ?? new Map<string, number>()
      planets.set(planetId, entries)
      entries.set(userId, expiresAt)
    },
    async stop(planetId, userId) {
      const entries = planets.get(planetId)
      const was = entries?.delete(userId) ?? false
      if (entries?.size === 0) planets.delete(planetId)
      return was
    },
    async expiresAt(planetId, userId, now) {
      return live(planetId, now)?.get(userId) ?? null
    },
    async list(planetId, now) {
      return [...(live(planetId, now)?.keys() ?? [])]
    },
  }
}

export function createRedisTypingStore(redis: Redis): TypingStore {
  return {
    kind: 'redis',
    async start(planetId, userId, now, expiresAt) {
      const key = typingKey(planetId)
      // The key lives as long as its latest entry; a later entry pushes the expiry out.
      await redis
        .multi()
        .zadd(key, expiresAt, userId)
        .zremrangebyscore(key, '-inf', now)
        .pexpireat(key, expiresAt, 'GT')
        .pexpireat(key, expiresAt, 'NX')
        .exec()
    },
    async stop(planetId, userId) {
      return (await redis.zrem(typingKey(planetId), userId)) > 0
    },
    async expiresAt(planetId, userId, now) {
      const score = await redis.zscore(typingKey(planetId), userId)
      const expiry = score === null ? null : Number(score)
      return expiry !== null && expiry > now ? expiry : null
    },
    async list(planetId, now) {
      return redis.zrangebyscore(typingKey(planetId), `(${now}`, '+inf')
    },
  }
}
