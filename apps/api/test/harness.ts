// Test harness: a fresh database per call (a clone of the migrated template on real Postgres, or an
// in-memory PGlite), a real runtime over it, tRPC callers with real tokens, and running api nodes.
import { randomBytes } from 'node:crypto'
import { startEmbeddedPostgres } from '@connecto/db/embedded'
import { deployMigrations } from '@connecto/db/migrate'
import pg from 'pg'
import { inject } from 'vitest'
import { signAccessToken } from '../src/auth/tokens.ts'
import { parseConfig } from '../src/config/config.ts'
import { createLogger } from '../src/observability/logger.ts'
import { appRouter } from '../src/router.ts'
import { createRuntime, type Runtime, type RuntimeOverrides } from '../src/runtime.ts'
import { createApiServer } from '../src/server.ts'
import type { Context } from '../src/trpc/context.ts'
import { createCallerFactory } from '../src/trpc/init.ts'
import { withDatabase } from './services.ts'

export const postgresUrl = () => inject('postgresUrl')
export const redisUrl = () => inject('redisUrl')
/** Why a Redis-only test does not run here; null when it does. */
export const redisSkipReason = () => (redisUrl() ? null : 'needs Redis (REDIS not reachable on this machine)')

export type TestDatabase = { url: string; embedded: boolean; drop: () => Promise<void> }

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = postgresUrl()
  if (!server) {
    const pglite = await startEmbeddedPostgres()
    await deployMigrations(pglite.url)
    return { url: pglite.url, embedded: true, drop: pglite.stop }
  }
  const name = `connecto_t_${inject('runId')}_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client(server)
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`)
  await admin.end()
  return {
    url: withDatabase(server, name),
    embedded: false,
    async drop() {
      const c = new pg.Client(server)
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

export type TestEnv = Record<string, string | undefined>

export async function createTestRuntime(
  opts: { env?: TestEnv; redis?: boolean; database?: TestDatabase; overrides?: RuntimeOverrides } = {},
) {
  const database = opts.database ?? (await createTestDatabase())
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0000',
    REDIS_URL: opts.redis ? (redisUrl() ?? undefined) : undefined,
    ...opts.env,
  })
  const rt = await createRuntime(
    { ...config, databaseUrl: database.url, databasePoolSize: database.embedded ? 1 : 5 },
    { logger: createLogger('silent'), ...opts.overrides },
  )
  return {
    rt,
    database,
    async close() {
      await rt.close()
      if (!opts.database) await database.drop()
    },
  }
}

const createCaller = createCallerFactory(appRouter)

let ipCounter = 0
/** A caller as an anonymous client (own IP, so rate limits do not leak between tests). */
export function anonCaller(rt: Runtime, ip = `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`) {
  const ctx: Context = { rt, claims: null, authError: null, ip, requestId: 'test' }
  return createCaller(ctx)
}

/** A caller carrying a real access token, read exactly as the HTTP layer reads it. */
export async function callerWithToken(rt: Runtime, accessToken: string) {
  const { readAccessToken } = await import('../src/auth/tokens.ts')
  const read = await readAccessToken(rt.config, accessToken)
  const ctx: Context = read.ok
    ? { rt, claims: read.claims, authError: null, ip: '10.9.9.9', requestId: 'test' }
    : { rt, claims: null, authError: read.code, ip: '10.9.9.9', requestId: 'test' }
  return createCaller(ctx)
}

/** A caller for an existing user, with a freshly signed token. */
export async function callerFor(rt: Runtime, userId: string) {
  const { token } = await signAccessToken(rt.config, { userId, sessionFamily: 'test-family' }, rt.clock.now())
  return callerWithToken(rt, token)
}

/** Starts a real api server (HTTP + WS) on an ephemeral port over the given runtime. */
export async function startTestServer(rt: Runtime) {
  const api = createApiServer(rt)
  const port = await api.listen(0, '127.0.0.1')
  return { port, url: `http://127.0.0.1:${port}`, close: () => api.close() }
}

/** The AppError code of a rejected call, for `expect(await codeOf(p)).toBe('AUTH004')`. */
export async function codeOf(promise: Promise<unknown>) {
  try {
    await promise
    return 'resolved'
  } catch (err) {
    const data = (err as { cause?: { code?: string } }).cause
    return data?.code ?? (err as Error).message
  }
}
