// Real BullMQ on the machine's Redis: retries with exponential backoff, dead letters with their hook,
// invalid payloads not retried, queue counts, and schedules registered once across two api runtimes.
import { randomBytes } from 'node:crypto'
import { Queue } from 'bullmq'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestDatabase, createTestRuntime, redisSkipReason, redisUrl } from '../../test/harness.ts'
import { createLogger } from '../observability/logger.ts'
import type { Runtime } from '../runtime.ts'
import { createBullJobs } from './bullmq-jobs.ts'
import { BACKOFF_BASE_MS, defineJob, QUEUES } from './job-definition.ts'
import { SCHEDULES } from './registry.ts'
import { startJobWorkers } from './start-jobs.ts'

const prefixes: string[] = []
const newPrefix = () => {
  const p = `connecto-test:${randomBytes(4).toString('hex')}`
  prefixes.push(p)
  return p
}
const connection = () => {
  const u = new URL(redisUrl()!)
  return { host: u.hostname, port: Number(u.port || 6379) }
}

afterAll(async () => {
  if (!redisUrl()) return
  for (const prefix of prefixes) {
    for (const name of QUEUES) {
      const q = new Queue(name, { connection: connection(), prefix })
      await q.obliterate({ force: true })
      await q.close()
    }
  }
})

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

const rt = {} as Runtime

describe.skipIf(redisSkipReason())('BullMQ jobs', () => {
  it('retries with exponential backoff, then dead-letters with the hook, and counts per queue', async () => {
    const jobs = createBullJobs({
      redisUrl: redisUrl()!,
      prefix: newPrefix(),
      logger: createLogger('silent'),
    })
    const flakyAt: number[] = []
    const hooked: string[] = []
    const flaky = defineJob({
      id: 'test.flaky',
      queue: 'critical',
      payload: z.object({ n: z.number() }),
      async handle() {
        flakyAt.push(Date.now())
        if (flakyAt.length < 3) throw new Error('not yet')
      },
    })
    const broken = defineJob({
      id: 'test.broken',
      queue: 'bulk',
      attempts: 2,
      payload: z.object({ id: z.string() }),
      async handle() {
        throw new Error('provider down')
      },
      async onDeadLetter(_rt, p, err) {
        hooked.push(`${p.id}:${err.message}`)
      },
    })
    const strict = defineJob({
      id: 'test.strict',
      queue: 'normal',
      payload: z.object({ id: z.string() }),
      async handle() {},
    })
    await jobs.start(rt, [flaky, broken, strict], [])
    await jobs.enqueue(flaky, { n: 1 })
    await jobs.enqueue(broken, { id: 'b1' })
    await jobs.enqueue(strict, { id: 7 } as never)

    await until(() => flakyAt.length === 3 && hooked.length === 1)
    expect(flakyAt[1]! - flakyAt[0]!).toBeGreaterThanOrEqual(BACKOFF_BASE_MS - 50)
    expect(flakyAt[2]! - flakyAt[1]!).toBeGreaterThanOrEqual(2 * BACKOFF_BASE_MS - 50)
    expect(hooked).toEqual(['b1:provider down'])
    await until(
      async () => (await jobs.counts()).normal.failed === 1 && (await jobs.counts()).critical.completed === 1,
    )

    const counts = await jobs.counts()
    expect(counts.critical).toMatchObject({ completed: 1, failed: 0, waiting: 0 })
    expect(counts.bulk).toMatchObject({ failed: 1, waiting: 0, delayed: 0 })
    expect(counts.normal).toMatchObject({ failed: 1 })
    const dead = await jobs.deadLetters()
    expect(dead.map((d) => [d.name, d.queue, d.attemptsMade]).sort()).toEqual([
      ['test.broken', 'bulk', 2],
      ['test.strict', 'normal', 1],
    ])
    expect(dead.find((d) => d.name === 'test.strict')!.failedReason).toMatch(/invalid payload/)

    // An admin retries the dead letters after the outage: both run again (and fail again here).
    expect(await jobs.retryDeadLetters()).toBe(2)
    await until(() => hooked.length === 2)
    await until(
      async () => (await jobs.counts()).normal.failed === 1 && (await jobs.counts()).bulk.failed === 1,
    )
    await jobs.close()
  })

  it('keeps one job per de-duplication id while it waits', async () => {
    const jobs = createBullJobs({
      redisUrl: redisUrl()!,
      prefix: newPrefix(),
      logger: createLogger('silent'),
    })
    const seen: string[] = []
    const job = defineJob({
      id: 'test.push',
      queue: 'critical',
      payload: z.object({ tag: z.string() }),
      async handle(_rt, p) {
        seen.push(p.tag)
      },
    })
    await jobs.enqueue(job, { tag: 'first' }, { delayMs: 300, dedupeId: 'push:n1' })
    await jobs.enqueue(job, { tag: 'second' }, { delayMs: 300, dedupeId: 'push:n1' })
    await jobs.start(rt, [job], [])
    await until(async () => (await jobs.counts()).critical.completed === 1)
    await new Promise((r) => setTimeout(r, 400))
    expect(seen).toEqual(['first'])
    await jobs.close()
  })

  it('restarts the delay of a debounced duplicate while it is delayed', async () => {
    const jobs = createBullJobs({
      redisUrl: redisUrl()!,
      prefix: newPrefix(),
      logger: createLogger('silent'),
    })
    const ranAt: number[] = []
    const job = defineJob({
      id: 'test.debounced',
      queue: 'critical',
      payload: z.object({}),
      async handle() {
        ranAt.push(Date.now())
      },
    })
    await jobs.start(rt, [job], [])
    const started = Date.now()
    await jobs.enqueue(job, {}, { delayMs: 1500, dedupeId: 'burst', debounce: true })
    await new Promise((r) => setTimeout(r, 300))
    await jobs.enqueue(job, {}, { delayMs: 1500, dedupeId: 'burst', debounce: true })
    await until(() => ranAt.length === 1)
    expect(ranAt[0]! - started).toBeGreaterThanOrEqual(1750)
    await new Promise((r) => setTimeout(r, 500))
    expect(ranAt).toHaveLength(1)
    await jobs.close()
  })

  it('registers each schedule once when two api runtimes start on the same database', async () => {
    const database = await createTestDatabase()
    const env = { QUEUE_PREFIX: newPrefix() }
    const a = await createTestRuntime({ redis: true, database, env })
    const b = await createTestRuntime({ redis: true, database, env })
    try {
      const stops = [await startJobWorkers(a.rt), await startJobWorkers(b.rt)]
      const byQueue = await Promise.all(
        QUEUES.map(async (name) => {
          const q = new Queue(name, { connection: connection(), prefix: env.QUEUE_PREFIX })
          const schedulers = await q.getJobSchedulers()
          await q.close()
          return schedulers.map((s) => s.key)
        }),
      )
      expect(byQueue.flat().sort()).toEqual(SCHEDULES.map((s) => s.id).sort())
      // The schedules really run: the statistics job writes its first snapshot.
      await until(async () => (await a.rt.db.statsSnapshot.count()) >= 1)
      const snapshot = await a.rt.db.statsSnapshot.findFirstOrThrow()
      expect(snapshot.queues).toHaveProperty('critical')
      for (const stop of stops) await stop()
    } finally {
      await a.close()
      await b.close()
      await database.drop()
    }
  })
})
