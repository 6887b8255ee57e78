// Test helpers shared by the live-layer integration tests: real ws clients for seeded users, waiting
// for a condition, and reading the app error code of a subscription failure.

import { connectClient } from '../../test/ws-client.ts'
import { signAccessToken } from '../auth/tokens.ts'
import type { Runtime } from '../runtime.ts'

export const appCode = (err: unknown) => (err as { data?: { app?: { code: string } } }).data?.app?.code

export const appData = (err: unknown) =>
  (err as { data?: { app?: { code: string; retryAfterSeconds?: number } } }).data?.app

export async function until<T>(
  read: () => T | Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() - started > timeoutMs)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A real ws + http client signed in as an existing user. */
export async function clientAs(rt: Runtime, url: string, userId: string) {
  const { token } = await signAccessToken(rt.config, { userId, sessionFamily: 'live-tests' }, new Date())
  return connectClient(url, token)
}
