import { seedTravel, seedUser } from '@connecto/db/seed'
import { it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { fanOutJob } from './fan-out.job.ts'
import { fanOutMessage } from './message-fan-out.ts'

it('measure', async () => {
  for (const redis of [false, true]) {
    const t = await createTestRuntime({ redis, env: { QUEUE_PREFIX: `measure-${Date.now()}` } })
    const host = await seedUser(t.rt.db)
    const members = await Promise.all(Array.from({ length: 100 }, () => seedUser(t.rt.db)))
    const { general } = await seedTravel(t.rt.db, {
      hostId: host.id,
      members: members.map((m) => ({ userId: m.id, role: 'PARTICIPANT' as const })),
    })
    const n = 200
    let start = performance.now()
    for (let i = 0; i < n; i++) await t.rt.jobs.enqueue(fanOutJob, { kind: 'message', messageId: `m${i}` })
    const enqueueMs = (performance.now() - start) / n
    const msgs = []
    for (let i = 0; i < 5; i++)
      msgs.push(
        await t.rt.db.message.create({ data: { planetId: general.id, senderId: host.id, content: `x${i}` } }),
      )
    start = performance.now()
    for (const m of msgs) await fanOutMessage(t.rt, m.id)
    const fanMs = (performance.now() - start) / msgs.length
    console.log(
      `FIGURES redis=${redis} enqueue=${enqueueMs.toFixed(3)}ms/job fanOut(100 members)=${fanMs.toFixed(0)}ms/message`,
    )
    if (redis) {
      const { Queue } = await import('bullmq')
      const q = new Queue('critical', {
        connection: { host: '127.0.0.1', port: 6379 },
        prefix: t.rt.config.queuePrefix,
      })
      await q.obliterate({ force: true })
      await q.close()
    }
    await t.close()
  }
}, 120_000)
