// The in-process runner keeps BullMQ's semantics: retries with exponential backoff, dead letters,
// invalid payloads not retried, priorities, de-duplication. Real timers; backoff starts at 1 s.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../observability/logger.ts'
import type { Runtime } from '../runtime.ts'
import { BACKOFF_BASE_MS, defineJob } from './job-definition.ts'
import { createMemoryJobs } from './memory-jobs.ts'

const rt = {} as Runtime
const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 8000) => {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('memory jobs', () => {
  it('retries with exponential backoff and succeeds on the third attempt', async () => {
    const jobs = createMemoryJobs(createLogger('silent'))
    const at: number[] = []
    const flaky = defineJob({
      id: 'test.flaky',
      queue: 'critical',
      payload: z.object({ n: z.number() }),
      async handle() {
        at.push(Date.now())
        if (at.length < 3) throw new Error('not yet')
      },
    })
    await jobs.start(rt, [flaky], [])
    await jobs.enqueue(flaky, { n: 1 })
    await until(() => at.length === 3)
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(BACKOFF_BASE_MS - 20)
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(2 * BACKOFF_BASE_MS - 20)
    await until(async () => (await jobs.counts()).critical.completed === 1)
    expect((await jobs.counts()).critical.failed).toBe(0)
    await jobs.close()
  })

  it('moves a job that keeps failing to the dead letters and runs its hook once', async () => {
    const jobs = createMemoryJobs(createLogger('silent'))
    let attempts = 0
    const hooked: string[] = []
    const broken = defineJob({
      id: 'test.broken',
      queue: 'bulk',
      attempts: 2,
      payload: z.object({ id: z.string() }),
      async handle() {
        attempts++
        throw new Error('smtp down')
      },
      async onDeadLetter(_rt, p, err) {
        hooked.push(`${p.id}:${err.message}`)
      },
    })
    await jobs.start(rt, [broken], [])
    await jobs.enqueue(broken, { id: 'x' })
    await until(() => hooked.length === 1)
    expect(attempts).toBe(2)
    expect(hooked).toEqual(['x:smtp down'])
    const dead = await jobs.deadLetters()
    expect(dead).toMatchObject([
      { name: 'test.broken', queue: 'bulk', failedReason: 'smtp down', attemptsMade: 2 },
    ])
    expect((await jobs.counts()).bulk).toMatchObject({ failed: 1, waiting: 0, active: 0, delayed: 0 })

    // An admin retries the dead letters: fresh attempts, and back to the dead letters when it fails again.
    expect(await jobs.retryDeadLetters()).toBe(1)
    await until(() => hooked.length === 2)
    expect(attempts).toBe(4)
    await jobs.close()
  })

  it('does not retry an invalid payload', async () => {
    const jobs = createMemoryJobs(createLogger('silent'))
    let ran = 0
    const strict = defineJob({
      id: 'test.strict',
      queue: 'normal',
      payload: z.object({ id: z.string() }),
      async handle() {
        ran++
      },
    })
    await jobs.start(rt, [strict], [])
    await jobs.enqueue(strict, { id: 42 } as never)
    await until(async () => (await jobs.counts()).normal.failed === 1)
    expect(ran).toBe(0)
    expect((await jobs.deadLetters())[0]).toMatchObject({ attemptsMade: 1 })
    await jobs.close()
  })

  it('runs higher priority first and drops duplicates while one is pending', async () => {
    const jobs = createMemoryJobs(createLogger('silent'))
    const order: string[] = []
    const mk = (id: string, priority: number) =>
      defineJob({
        id,
        queue: 'bulk',
        priority,
        payload: z.object({ tag: z.string() }),
        async handle(_rt, p) {
          order.push(p.tag)
        },
      })
    const low = mk('test.low', 5)
    const high = mk('test.high', 1)
    // Queued before the workers start, so the order is decided by priority, not arrival.
    await jobs.enqueue(low, { tag: 'low' })
    await jobs.enqueue(high, { tag: 'high' })
    await jobs.enqueue(low, { tag: 'dup-1' }, { dedupeId: 'd' })
    await jobs.enqueue(low, { tag: 'dup-2' }, { dedupeId: 'd' })
    await jobs.start(rt, [low, high], [])
    await until(() => order.length === 3)
    expect(order).toEqual(['high', 'low', 'dup-1'])
    await jobs.enqueue(low, { tag: 'dup-3' }, { dedupeId: 'd' })
    await until(() => order.length === 4)
    expect(order.at(-1)).toBe('dup-3')
    await jobs.close()
  })

  it('restarts the delay of a debounced duplicate while it waits', async () => {
    const jobs = createMemoryJobs(createLogger('silent'))
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
    expect(ranAt[0]! - started).toBeGreaterThanOrEqual(1780)
    await new Promise((r) => setTimeout(r, 400))
    expect(ranAt).toHaveLength(1)
    await jobs.close()
  })
})
