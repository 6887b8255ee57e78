// The separate worker process (`pnpm worker`): an api runtime that runs no workers enqueues, a real
// `src/worker.ts` child process on the same database and Redis does the work, and stops cleanly.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { Queue } from 'bullmq'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestDatabase, createTestRuntime, redisSkipReason, redisUrl } from '../../test/harness.ts'
import { notificationWorld, waitUntil } from '../notifications/notification-fixtures.ts'
import { notifyMessageSent } from '../notifications/notify.ts'
import { QUEUES } from './job-definition.ts'
import { runsWorkers } from './start-jobs.ts'

const workerEntry = path.resolve(import.meta.dirname, '../worker.ts')
const prefix = `connecto-test:${randomBytes(4).toString('hex')}`
let child: ChildProcess | null = null

afterAll(async () => {
  child?.kill('SIGKILL')
  if (!redisUrl()) return
  const u = new URL(redisUrl()!)
  for (const name of QUEUES) {
    const q = new Queue(name, { connection: { host: u.hostname, port: Number(u.port || 6379) }, prefix })
    await q.obliterate({ force: true })
    await q.close()
  }
})

describe.skipIf(redisSkipReason())('worker process', () => {
  it('processes what an api node without workers enqueued, then exits cleanly on SIGTERM', async () => {
    const database = await createTestDatabase()
    const api = await createTestRuntime({
      redis: true,
      database,
      env: { QUEUE_PREFIX: prefix, API_ROLE: 'api' },
    })
    try {
      const w = await notificationWorld(api.rt, 1)
      const [reader] = w.others as [typeof w.host]
      await notifyMessageSent(api.rt, await w.post(w.host.id, 'from the api node'))
      expect((await api.rt.jobs.counts()).critical.waiting).toBe(1)
      expect(runsWorkers(api.rt)).toBe(false)

      const output: string[] = []
      // As the worker script runs it: node itself gets the signal. (Under tsx's CLI wrapper, a SIGTERM is
      // relayed, and a child that doesn't confirm it within ~60 ms is SIGKILLed, as seen on a busy machine.)
      child = spawn(process.execPath, ['--import', 'tsx', workerEntry], {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl()!,
          QUEUE_PREFIX: prefix,
          JWT_SECRET: 'test-secret-test-secret-test-secret-0000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout!.on('data', (d) => output.push(String(d)))
      child.stderr!.on('data', (d) => output.push(String(d)))

      await waitUntil(async () => (await w.notificationsOf(reader.id)).length === 1, 30_000)
      expect((await w.notificationsOf(reader.id))[0]).toMatchObject({
        type: 'MESSAGE',
        body: 'Hana: from the api node',
      })

      const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      child = null
      expect(output.join('')).toMatch(/job workers started/)
    } finally {
      await api.close()
      await database.drop()
    }
  }, 60_000)
})
