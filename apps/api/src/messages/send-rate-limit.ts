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

/** Counts one send; refuses with MSG004 and the seconds to wait once the minute's allowance is spent. */
export async function consumeSendAllowance(rt: Runtime, userId: string) {
  try {
    await limiterFor(rt).consume(userId)
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err
    const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000))
    throw new AppError(
      'MSG004',
      `You are sending messages too fast. Try again in ${seconds} second${seconds > 1 ? 's' : ''}.`,
      undefined,
      seconds,
    )
  }
}
