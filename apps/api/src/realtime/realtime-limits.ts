// Rate limits of the live layer (rate-limiter-flexible, Redis-backed when Redis is configured):
// room joins per user (the seeds' 20 per 5 minutes) and typing updates per user (50 per minute).
import { type ErrorCode, LIMITS } from '@connecto/shared'
import type { Redis } from 'ioredis'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import { AppError } from '../errors/app-error.ts'

export type RealtimeLimits = {
  /**
   * Counts a fresh subscription to a planet not joined within the window (switching back and forth
   * between the same chats is free); refuses with RT001 and the seconds to wait.
   */
  consumeRoomJoin(userId: string, planetId: string): Promise<void>
  /** Counts a typing update; refuses with RT002 and the seconds to wait. */
  consumeTyping(userId: string): Promise<void>
}

export type RealtimeLimitOptions = {
  redis?: Redis | null
  roomJoins?: { points: number; durationSeconds: number }
  typing?: { points: number; durationSeconds: number }
}

export function createRealtimeLimits(opts: RealtimeLimitOptions = {}): RealtimeLimits {
  const make = (keyPrefix: string, spec: { points: number; durationSeconds: number }): RateLimiterAbstract =>
    opts.redis
      ? new RateLimiterRedis({
          storeClient: opts.redis,
          keyPrefix,
          points: spec.points,
          duration: spec.durationSeconds,
        })
      : new RateLimiterMemory({ keyPrefix, points: spec.points, duration: spec.durationSeconds })
  const roomJoins = make(
    'rt_room_join',
    opts.roomJoins ?? { points: LIMITS.roomJoinsPerWindow, durationSeconds: LIMITS.roomJoinWindowSeconds },
  )
  // One point per (user, planet) and window: a planet re-joined inside it costs nothing.
  const joinedRooms = make('rt_room_joined', {
    points: 1,
    durationSeconds: opts.roomJoins?.durationSeconds ?? LIMITS.roomJoinWindowSeconds,
  })
  const typing = make(
    'rt_typing',
    opts.typing ?? { points: LIMITS.typingEventsPerMinute, durationSeconds: 60 },
  )

  const consume = async (limiter: RateLimiterAbstract, key: string, code: ErrorCode) => {
    try {
      await limiter.consume(key)
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000))
      throw new AppError(code, `Too many requests. Try again in ${seconds} s.`, undefined, seconds)
    }
  }

  return {
    async consumeRoomJoin(userId, planetId) {
      const fresh = await joinedRooms.consume(`${userId}:${planetId}`).then(
        () => true,
        (err: unknown) => {
          if (err instanceof RateLimiterRes) return false
          throw err
        },
      )
      if (fresh) await consume(roomJoins, userId, 'RT001')
    },
    consumeTyping: (userId) => consume(typing, userId, 'RT002'),
  }
}
