// Sends per user per minute (rate-limiter-flexible): shared through Redis across api nodes when the
// runtime has Redis, per process otherwise. One limiter per runtime, made on first use.
import { LIMITS } from '@connecto/shared'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import { AppError } from '../errors/app-error.ts'
import { onePer } from '../one-per.ts'
import type { Runtime } from '../runtime.ts'
import { atTurnEnd } from '../turn-end.ts'

const limiterFor = onePer((rt: Runtime): RateLimiterAbstract => {
  const options = { keyPrefix: 'msg_send', points: LIMITS.messagesPerMinute, duration: 60 }
  return rt.redis
    ? // Without Redis the node counts on its own rather than refusing every send.
      new RateLimiterRedis({
        storeClient: rt.redis,
        ...options,
        insuranceLimiter: new RateLimiterMemory(options),
      })
    : new RateLimiterMemory(options)
})

/**
 * Starts counting one send now, so the Redis round trip runs beside the send's other checks rather than
 * after them. `confirm()` refuses with MSG004 and the seconds to wait once the minute's allowance is
 * spent; `cancel()` gives the point back when the send does not go ahead (refused, or a retry of one
 * already sent), so only sends that happen are counted.
 */
export function startSendAllowance(rt: Runtime, userId: string) {
  const limiter = limiterFor(rt)
  // With the other sends read in this turn: their Redis commands go out in one write.
  const consumed = atTurnEnd(() => limiter.consume(userId)).then(
    () => null,
    (err: unknown) => err,
  )
  return {
    async confirm() {
      const err = await consumed
      if (err) throw refusalOf(err)
    },
    /** Best effort: a point that can't be given back (Redis down) only expires with its minute. */
    async cancel() {
      if ((await consumed) === null) await limiter.reward(userId, 1).catch(() => {})
    },
  }
}

function refusalOf(err: unknown) {
  if (!(err instanceof RateLimiterRes)) return err
  const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000))
  return new AppError(
    'MSG004',
    `You are sending messages too fast. Try again in ${seconds} second${seconds > 1 ? 's' : ''}.`,
    undefined,
    seconds,
  )
}
