// Everything a request, job or test needs, built once per process from the config: the database, the
// bus and limits (Redis when REDIS_URL is set, in-process otherwise), logging, metrics and the clock.
import { createDb, type Db } from '@connecto/db'
import { Redis } from 'ioredis'
import { createSignInLimits, type SignInLimits } from './auth/sign-in-limits.ts'
import { createSocialVerifier, type SocialVerifier } from './auth/social/index.ts'
import type { Bus } from './bus/bus.ts'
import { createMemoryBus } from './bus/memory-bus.ts'
import { createRedisBus } from './bus/redis-bus.ts'
import type { Config } from './config/config.ts'
import { createStorage } from './files/storage/create-storage.ts'
import type { ObjectStorage } from './files/storage/object-storage.ts'
import type { Jobs } from './jobs/job-definition.ts'
import { createJobs } from './jobs/jobs.ts'
import { listenForPlatformBans } from './moderation/platform-bans.ts'
import { flushMessageBatches } from './notifications/notify.ts'
import { createLogger, type Logger } from './observability/logger.ts'
import { createMetrics, type Metrics } from './observability/metrics.ts'
import { LiveConnections } from './realtime/live-connections.ts'
import { createMemoryPresence, createRedisPresence, type PresenceStore } from './realtime/presence.ts'
import { createRealtime, type Realtime } from './realtime/realtime.ts'

export type Clock = { now: () => Date }

/** What createRuntime needs beyond the parsed environment: the database in use. */
export type RuntimeConfig = Config & {
  databaseUrl: string
  /** Embedded PGlite: every connection is the same session (no prepared statements). */
  databaseSharedSession?: boolean
}

export type Runtime = {
  config: RuntimeConfig
  db: Db
  redis: Redis | null
  bus: Bus
  limits: SignInLimits
  social: SocialVerifier
  logger: Logger
  metrics: Metrics
  clock: Clock
  live: LiveConnections
  /** Who is online (has an open WebSocket): node-local without Redis, shared across nodes with it. */
  presence: PresenceStore
  /** Typing, away flags, delivered watermarks and live rate limits (Redis-backed when configured). */
  realtime: Realtime
  /** Background jobs: BullMQ with Redis, the in-process runner without; workers start separately. */
  jobs: Jobs
  /** Where uploaded files live: S3-compatible storage, or a local folder served by the api. */
  storage: ObjectStorage
  close(): Promise<void>
}

export type RuntimeOverrides = Partial<Pick<Runtime, 'clock' | 'logger' | 'social'>>

export async function createRuntime(
  config: RuntimeConfig,
  overrides: RuntimeOverrides = {},
): Promise<Runtime> {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  const db = createDb({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    preparedStatements: !config.databaseSharedSession,
    onIdleConnectionError: (err) => logger.warn({ err: err.message }, 'idle database connection lost'),
  })
  const redis = config.redisUrl
    ? // Auto-pipelining: the commands of concurrent requests issued in one tick go out in one write.
      new Redis(config.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true, enableAutoPipelining: true })
    : null
  // ioredis reconnects by itself; without a listener each failed attempt is an "Unhandled error event".
  const onRedisError = (err: Error) => logger.warn({ err: err.message }, 'redis connection error')
  redis?.on('error', onRedisError)
  if (redis) await redis.connect()
  const bus = redis ? createRedisBus(redis, onRedisError) : createMemoryBus()
  const live = new LiveConnections()
  const stopBanListener = await listenForPlatformBans(bus, live)
  const clock = overrides.clock ?? { now: () => new Date() }
  const presenceOptions = {
    logger,
    onOffline: (userId: string) =>
      db.user.update({ where: { id: userId }, data: { lastSeenAt: clock.now() } }),
  }
  const presence = redis ? createRedisPresence(redis, presenceOptions) : createMemoryPresence(presenceOptions)
  const realtime = createRealtime({ db, bus, redis, logger })
  const jobs = createJobs({ ...config, logger })
  const runtime: Runtime = {
    config,
    db,
    redis,
    bus,
    limits: createSignInLimits({ ...config.signInLimits, redis: redis ?? undefined }),
    social: overrides.social ?? createSocialVerifier(config.social),
    logger,
    metrics: createMetrics(),
    clock,
    live,
    presence,
    realtime,
    jobs,
    storage: createStorage(config),
    async close() {
      stopBanListener()
      // Messages still gathered for a notification fan-out are enqueued while the queues are open.
      await flushMessageBatches(runtime)
      await jobs.close()
      await realtime.close()
      await presence.close()
      await bus.close()
      redis?.disconnect()
      await db.$disconnect()
    },
  }
  return runtime
}
