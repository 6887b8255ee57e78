// BullMQ on Redis: one queue per priority class, workers started on demand (api or worker process),
// retries with exponential backoff, failed jobs kept as the dead-letter set, schedules as job schedulers.
import { type ConnectionOptions, Queue, UnrecoverableError, Worker } from 'bullmq'
import type { Logger } from '../observability/logger.ts'
import type { Runtime } from '../runtime.ts'
import {
  type AnyJobDefinition,
  BACKOFF_BASE_MS,
  DEFAULT_ATTEMPTS,
  type DeadLetter,
  InvalidJobPayload,
  type Jobs,
  parsePayload,
  QUEUE_CONCURRENCY,
  QUEUES,
  type QueueCounts,
  type QueueName,
} from './job-definition.ts'

const KEEP_COMPLETED = 1000
const KEEP_FAILED = 5000

function connectionFromUrl(redisUrl: string): ConnectionOptions {
  const u = new URL(redisUrl)
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires unlimited retries per request on their connections.
    maxRetriesPerRequest: null,
  }
}

export function createBullJobs({
  redisUrl,
  prefix,
  logger,
}: {
  redisUrl: string
  prefix: string
  logger: Logger
}): Jobs {
  const connection = connectionFromUrl(redisUrl)
  const queues = new Map<QueueName, Queue>()
  const workers: Worker[] = []
  let started = false

  const queue = (name: QueueName) => {
    let q = queues.get(name)
    if (!q) {
      q = new Queue(name, {
        connection,
        prefix,
        defaultJobOptions: {
          attempts: DEFAULT_ATTEMPTS,
          backoff: { type: 'exponential', delay: BACKOFF_BASE_MS },
          removeOnComplete: { count: KEEP_COMPLETED },
          removeOnFail: { count: KEEP_FAILED },
        },
      })
      q.on('error', (err) => logger.error({ err, queue: name }, 'queue error'))
      queues.set(name, q)
    }
    return q
  }

  function startWorker(rt: Runtime, name: QueueName, defs: Map<string, AnyJobDefinition>) {
    const worker = new Worker(
      name,
      async (job) => {
        const def = defs.get(job.name)
        if (!def) throw new UnrecoverableError(`no handler registered for ${job.name}`)
        try {
          return await def.handle(rt, parsePayload(def, job.data), { attempt: job.attemptsMade + 1 })
        } catch (err) {
          if (err instanceof InvalidJobPayload) throw new UnrecoverableError(err.message)
          throw err
        }
      },
      { connection, prefix, concurrency: QUEUE_CONCURRENCY[name] },
    )
    worker.on('failed', (job, error) => {
      if (!job) return
      const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1)
      if (!final) return
      logger.error({ err: error, job: job.name, attempts: job.attemptsMade }, 'job moved to dead letters')
      const def = defs.get(job.name)
      def
        ?.onDeadLetter?.(rt, job.data, error)
        .catch((e: unknown) => logger.error({ err: e, job: job.name }, 'dead-letter hook failed'))
    })
    worker.on('error', (err) => logger.error({ err, queue: name }, 'worker error'))
    workers.push(worker)
  }

  return {
    kind: 'bullmq',
    get started() {
      return started
    },
    async enqueue(def, payload, opts = {}) {
      await queue(def.queue).add(def.id, payload, {
        attempts: def.attempts ?? DEFAULT_ATTEMPTS,
        ...(def.priority ? { priority: def.priority } : {}),
        ...(opts.delayMs ? { delay: opts.delayMs } : {}),
        ...(opts.dedupeId ? { deduplication: { id: opts.dedupeId, reschedule: !!opts.debounce } } : {}),
      })
    },
    async counts() {
      const entries = await Promise.all(
        QUEUES.map(async (name): Promise<[QueueName, QueueCounts]> => {
          const c = await queue(name).getJobCounts(
            'waiting',
            'prioritized',
            'active',
            'delayed',
            'failed',
            'completed',
          )
          return [
            name,
            {
              waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
              active: c.active ?? 0,
              delayed: c.delayed ?? 0,
              failed: c.failed ?? 0,
              completed: c.completed ?? 0,
            },
          ]
        }),
      )
      return Object.fromEntries(entries) as Record<QueueName, QueueCounts>
    },
    async deadLetters(limit = 50) {
      const perQueue = await Promise.all(
        QUEUES.map(async (name) =>
          (await queue(name).getFailed(0, limit - 1)).map(
            (job): DeadLetter => ({
              id: String(job.id),
              name: job.name,
              queue: name,
              failedReason: job.failedReason ?? '',
              attemptsMade: job.attemptsMade,
              failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
            }),
          ),
        ),
      )
      return perQueue
        .flat()
        .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
        .slice(0, limit)
    },
    async retryDeadLetters() {
      let retried = 0
      for (const name of QUEUES) {
        const q = queue(name)
        const { failed = 0 } = await q.getJobCounts('failed')
        if (!failed) continue
        await q.retryJobs({ state: 'failed', count: failed })
        retried += failed
      }
      return retried
    },
    async start(rt, definitions, schedules) {
      const byQueue = new Map<QueueName, Map<string, AnyJobDefinition>>()
      for (const d of definitions) {
        const m = byQueue.get(d.queue) ?? new Map()
        m.set(d.id, d)
        byQueue.set(d.queue, m)
      }
      for (const [name, defs] of byQueue) startWorker(rt, name, defs)
      // upsertJobScheduler is idempotent per id: every process may call it, one schedule results.
      for (const s of schedules) {
        await queue(s.job.queue).upsertJobScheduler(
          s.id,
          { every: s.everyMs },
          { name: s.job.id, data: s.payload ?? {}, opts: { attempts: s.job.attempts ?? DEFAULT_ATTEMPTS } },
        )
      }
      started = true
    },
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()))
      await Promise.allSettled([...queues.values()].map((q) => q.close()))
    },
  }
}
