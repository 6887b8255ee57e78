// Picks the job backend: BullMQ when REDIS_URL is set, the in-process runner otherwise.
import type { Logger } from '../observability/logger.ts'
import { createBullJobs } from './bullmq-jobs.ts'
import type { Jobs } from './job-definition.ts'
import { createMemoryJobs } from './memory-jobs.ts'

/** Nodes on the same database share queues; distinct databases (tests, tenants) never see each other's. */
export function queuePrefix(config: { queuePrefix?: string; databaseUrl: string }) {
  if (config.queuePrefix) return config.queuePrefix
  const database = new URL(config.databaseUrl).pathname.slice(1) || 'default'
  return `connecto:${database}`
}

export function createJobs(config: {
  redisUrl?: string
  queuePrefix?: string
  databaseUrl: string
  logger: Logger
}): Jobs {
  return config.redisUrl
    ? createBullJobs({ redisUrl: config.redisUrl, prefix: queuePrefix(config), logger: config.logger })
    : createMemoryJobs(config.logger)
}
