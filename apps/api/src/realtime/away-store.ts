// Which online users said they are away (app in the background, idle). Online/offline comes from open
// sockets (presence.ts); this only refines "online" into "away". With Redis: `presence:away:{userId}`
// with an expiry, so a client that vanished without reporting back cannot stay away forever.
import type { Redis } from 'ioredis'

export type AwayStore = {
  set(userId: string, away: boolean): Promise<void>
  /** The subset of the given users currently marked away. */
  away(userIds: readonly string[]): Promise<Set<string>>
}

/** Clients in the background re-report within this time; a stale "away" then lapses to online. */
export const AWAY_TTL_SECONDS = 15 * 60
export const awayKey = (userId: string) => `presence:away:${userId}`

export function createMemoryAwayStore(now: () => number = Date.now): AwayStore {
  const until = new Map<string, number>()
  return {
    async set(userId, away) {
      if (away) until.set(userId, now() + AWAY_TTL_SECONDS * 1000)
      else until.delete(userId)
    },
    async away(userIds) {
      const t = now()
      return new Set(userIds.filter((id) => (until.get(id) ?? 0) > t))
    },
  }
}

export function createRedisAwayStore(redis: Redis): AwayStore {
  return {
    async set(userId, away) {
      if (away) await redis.set(awayKey(userId), '1', 'EX', AWAY_TTL_SECONDS)
      else await redis.del(awayKey(userId))
    },
    async away(userIds) {
      const ids = [...new Set(userIds)]
      if (ids.length === 0) return new Set()
      const values = await redis.mget(ids.map(awayKey))
      return new Set(ids.filter((_, i) => values[i] !== null))
    },
  }
}
