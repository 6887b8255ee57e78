// What a background job is: an id, the queue it runs on, a zod payload schema and a handler that takes
// the runtime. The same definitions run on BullMQ (Redis) and on the in-process runner (embedded mode).
import type { z } from 'zod'
import type { Runtime } from '../runtime.ts'

/** critical: user-facing delivery; normal: schedules and fan-out upkeep; bulk: cleanup, statistics. */
export const QUEUES = ['critical', 'normal', 'bulk'] as const
export type QueueName = (typeof QUEUES)[number]

export const QUEUE_CONCURRENCY: Record<QueueName, number> = { critical: 8, normal: 4, bulk: 1 }

export const DEFAULT_ATTEMPTS = 3
export const BACKOFF_BASE_MS = 1000

export type JobDefinition<P = unknown> = {
  id: string
  queue: QueueName
  payload: z.ZodType<P>
  attempts?: number
  /** Lower runs first within the queue (BullMQ semantics); absent: plain FIFO. */
  priority?: number
  /** `attempt` starts at 1; a retry can skip what an earlier attempt already did. */
  handle(rt: Runtime, payload: P, ctx: { attempt: number }): Promise<unknown>
  /** Runs once when the last attempt failed and the job moves to the dead-letter (failed) set. */
  onDeadLetter?(rt: Runtime, payload: P, error: Error): Promise<unknown>
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every payload type
export type AnyJobDefinition = JobDefinition<any>

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def
}

export type EnqueueOptions = {
  delayMs?: number
  /** While a job with this id is waiting, delayed or running, adding another one is a no-op. */
  dedupeId?: string
  /** With dedupeId: a duplicate added while the job is still delayed restarts its delay (debounce). */
  debounce?: boolean
}

/** A repeating job: registered once per queue prefix however many processes start. */
export type Schedule = { id: string; everyMs: number; job: AnyJobDefinition; payload?: unknown }

export type QueueCounts = {
  waiting: number
  active: number
  delayed: number
  failed: number
  completed: number
}

export type DeadLetter = {
  id: string
  name: string
  queue: QueueName
  failedReason: string
  attemptsMade: number
  failedAt: string | null
}

export type Jobs = {
  readonly kind: 'bullmq' | 'memory'
  enqueue<P>(job: JobDefinition<P>, payload: P, opts?: EnqueueOptions): Promise<void>
  counts(): Promise<Record<QueueName, QueueCounts>>
  deadLetters(limit?: number): Promise<DeadLetter[]>
  /** Puts every dead letter back in its queue with fresh attempts (an admin action after an outage). */
  retryDeadLetters(): Promise<number>
  /** Starts processing the given definitions on this process (workers) and registers the schedules. */
  start(rt: Runtime, definitions: AnyJobDefinition[], schedules: Schedule[]): Promise<void>
  readonly started: boolean
  close(): Promise<void>
}

/** A payload that fails its schema is a bug in the producer: retrying cannot fix it. */
export class InvalidJobPayload extends Error {
  constructor(jobId: string, issues: string) {
    super(`invalid payload for job ${jobId}: ${issues}`)
    this.name = 'InvalidJobPayload'
  }
}

export function parsePayload<P>(def: JobDefinition<P>, data: unknown): P {
  const parsed = def.payload.safeParse(data)
  if (!parsed.success) throw new InvalidJobPayload(def.id, parsed.error.message)
  return parsed.data
}

export function backoffDelay(attemptsMade: number) {
  return BACKOFF_BASE_MS * 2 ** (attemptsMade - 1)
}
