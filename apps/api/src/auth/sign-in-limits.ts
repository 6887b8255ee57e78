// Sign-in rate limits (rate-limiter-flexible): every attempt counts per IP, failures count per account.
import type { Redis } from 'ioredis'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import { AppError } from '../errors/app-error.ts'

const WINDOW_SECONDS = 15 * 60

export type SignInLimits = {
  checkSignIn(ip: string, email: string): Promise<void>
  recordFailedSignIn(email: string): Promise<void>
  resetSignIn(email: string): Promise<void>
}

export function createSignInLimits(opts: { perIp: number; perAccount: number; redis?: Redis }): SignInLimits {
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    opts.redis
      ? new RateLimiterRedis({ storeClient: opts.redis, keyPrefix, points, duration: WINDOW_SECONDS })
      : new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS })
  const byIp = make('signin_ip', opts.perIp)
  const byAccount = make('signin_account', opts.perAccount)

  const refuse = (err: unknown): never => {
    if (err instanceof RateLimiterRes) {
      const minutes = Math.max(1, Math.ceil(err.msBeforeNext / 60000))
      throw new AppError(
        'AUTH008',
        `Too many sign-in attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      )
    }
    throw err
  }

  return {
    async checkSignIn(ip, email) {
      await byIp.consume(ip).catch(refuse)
      const account = await byAccount.get(email)
      if (account && account.consumedPoints >= opts.perAccount) refuse(account)
    },
    async recordFailedSignIn(email) {
      await byAccount.consume(email).catch(() => {})
    },
    async resetSignIn(email) {
      await byAccount.delete(email)
    },
  }
}
