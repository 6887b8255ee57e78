// The in-process job runner for embedded mode (no Redis): the same definitions, priorities, retries with
// exponential backoff, de-duplication and a dead-letter list as BullMQ, kept in memory on this node.
import type { Logger } from '../observability/logger.ts'
import type { Runtime } from '../runtime.ts'
import {
  type AnyJobDefinition,
  backoffDelay,
  DEFAULT_ATTEMPTS,
  type DeadLetter,
  type EnqueueOptions,
  InvalidJobPayload,
  type JobDefinition,
  type Jobs,
  parsePayload,
  QUEUE_CONCURRENCY,
  QUEUES,
  type QueueCounts,
  type QueueName,
  type Schedule,
} from './job-definition.ts'

type MemoryJob = {
  id: string
  name: string
  queue: QueueName
  data: unknown
  priority: number
  seq: number
  attemptsMade: number
  maxAttempts: number
  dedupeId?: string
}

const DEAD_LETTER_LIMIT = 1000

export function createMemoryJobs(logger: Logger): Jobs {
  let rt: Runtime | null = null
  let closed = false
  let seq = 0
  const definitions = new Map<string, AnyJobDefinition>()
  const waiting = new Map<QueueName, MemoryJob[]>(QUEUES.map((q) => [q, []]))
  const active = new Map<QueueName, number>(QUEUES.map((q) => [q, 0]))
  const delayed = new Map<MemoryJob, NodeJS.Timeout>()
  const completed = new Map<QueueName, number>(QUEUES.map((q) => [q, 0]))
  const dead: (DeadLetter & { job: MemoryJob })[] = []
  const dedupe = new Map<string, MemoryJob>()
  const running = new Set<Promise<void>>()
  const timers = new Set<NodeJS.Timeout>()

  function push(job: MemoryJob) {
    const list = waiting.get(job.queue)!
    list.push(job)
    // Stable: priority first (0 = none sorts last, as in BullMQ), then arrival.
    list.sort((a, b) => (a.priority || Infinity) - (b.priority || Infinity) || a.seq - b.seq)
    pump(job.queue)
  }

  function delay(job: MemoryJob, ms: number) {
    const timer = setTimeout(() => {
      delayed.delete(job)
      if (!closed) push(job)
    }, ms)
    timer.unref()
    delayed.set(job, timer)
  }

  function pump(queue: QueueName) {
    if (!rt || closed) return
    const list = waiting.get(queue)!
    while (list.length && active.get(queue)! < QUEUE_CONCURRENCY[queue]) {
      const job = list.shift()!
      const p = run(rt, job).finally(() => running.delete(p))
      running.add(p)
    }
  }

  async function run(runtime: Runtime, job: MemoryJob) {
    active.set(job.queue, active.get(job.queue)! + 1)
    job.attemptsMade++
    const def = definitions.get(job.name)
    try {
      if (!def) throw new InvalidJobPayload(job.name, 'no handler registered')
      await def.handle(runtime, parsePayload(def, job.data), { attempt: job.attemptsMade })
      completed.set(job.queue, completed.get(job.queue)! + 1)
      if (job.dedupeId) dedupe.delete(job.dedupeId)
    } catch (err) {
      const error = err as Error
      const retry = !(error instanceof InvalidJobPayload) && job.attemptsMade < job.maxAttempts && !closed
      if (retry) {
        delay(job, backoffDelay(job.attemptsMade))
      } else {
        if (job.dedupeId) dedupe.delete(job.dedupeId)
        dead.unshift({
          id: job.id,
          name: job.name,
          queue: job.queue,
          failedReason: error.message,
          attemptsMade: job.attemptsMade,
          failedAt: new Date().toISOString(),
          job,
        })
        dead.length = Math.min(dead.length, DEAD_LETTER_LIMIT)
        logger.error({ err: error, job: job.name, attempts: job.attemptsMade }, 'job moved to dead letters')
        await def
          ?.onDeadLetter?.(runtime, job.data, error)
          .catch((e: unknown) => logger.error({ err: e, job: job.name }, 'dead-letter hook failed'))
      }
    } finally {
      active.set(job.queue, active.get(job.queue)! - 1)
      pump(job.queue)
    }
  }

  return {
    kind: 'memory',
    get started() {
      return rt !== null
    },
    async enqueue<P>(def: JobDefinition<P>, payload: P, opts: EnqueueOptions = {}) {
      if (closed) return
      const existing = opts.dedupeId ? dedupe.get(opts.dedupeId) : undefined
      if (existing) {
        const timer = delayed.get(existing)
        if (opts.debounce && timer && existing.attemptsMade === 0) {
          clearTimeout(timer)
          delay(existing, opts.delayMs ?? 0)
        }
        return
      }
      const job: MemoryJob = {
        id: String(++seq),
        name: def.id,
        queue: def.queue,
        data: payload,
        priority: def.priority ?? 0,
        seq,
        attemptsMade: 0,
        maxAttempts: def.attempts ?? DEFAULT_ATTEMPTS,
        dedupeId: opts.dedupeId,
      }
      if (opts.dedupeId) dedupe.set(opts.dedupeId, job)
      if (opts.delayMs) delay(job, opts.delayMs)
      else push(job)
    },
    async counts() {
      const delayedBy = (q: QueueName) => [...delayed.keys()].filter((j) => j.queue === q).length
      return Object.fromEntries(
        QUEUES.map((q): [QueueName, QueueCounts] => [
          q,
          {
            waiting: waiting.get(q)!.length,
            active: active.get(q)!,
            delayed: delayedBy(q),
            failed: dead.filter((d) => d.queue === q).length,
            completed: completed.get(q)!,
          },
        ]),
      ) as Record<QueueName, QueueCounts>
    },
    async deadLetters(limit = 50) {
      return dead.slice(0, limit).map(({ job: _job, ...d }) => d)
    },
    async retryDeadLetters() {
      const jobs = dead.splice(0).map((d) => d.job)
      for (const job of jobs) {
        job.attemptsMade = 0
        push(job)
      }
      return jobs.length
    },
    async start(runtime, defs, schedules: Schedule[]) {
      for (const d of defs) definitions.set(d.id, d)
      rt = runtime
      for (const s of schedules) {
        const fire = () => void this.enqueue(s.job, s.payload ?? {}, { dedupeId: `schedule:${s.id}` })
        fire()
        const timer = setInterval(fire, s.everyMs)
        timer.unref()
        timers.add(timer)
      }
      for (const q of QUEUES) pump(q)
    },
    async close() {
      closed = true
      for (const t of timers) clearInterval(t)
      for (const t of delayed.values()) clearTimeout(t)
      delayed.clear()
      await Promise.allSettled([...running])
    },
  }
}
