// A planet's burst as one fan-out: gathered per planet on the send side (one enqueue), written with the
// same few statements whatever the batch size and recipient count, merged into one MESSAGE notification
// per member, and pushed only to members with a device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { countStatements } from '../../test/sql-statements.ts'
import type { EnqueueOptions, JobDefinition } from '../jobs/job-definition.ts'
import type { Runtime } from '../runtime.ts'
import { fanOutMessage, fanOutMessages } from './message-fan-out.ts'
import { delivery, notificationWorld } from './notification-fixtures.ts'
import { notifyMessageSent } from './notify.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime({ env: { NOTIFY_BATCH_MS: '60000' } })
})
afterAll(async () => {
  await t.close()
})

/** Records what is enqueued on `rt` (and still enqueues it). */
function recordEnqueues(rt: Runtime) {
  const calls: { job: string; payload: unknown; opts?: EnqueueOptions }[] = []
  const enqueue = rt.jobs.enqueue.bind(rt.jobs)
  rt.jobs.enqueue = async <P>(job: JobDefinition<P>, payload: P, opts?: EnqueueOptions) => {
    calls.push({ job: job.id, payload, opts })
    await enqueue(job, payload, opts)
  }
  return calls
}

describe('batched message fan-out', () => {
  it('takes the same statements for 20 messages to 9 members as for 1 message to 2', async () => {
    const small = await notificationWorld(t.rt, 1)
    const [smallReader] = small.others as [typeof small.host]
    await small.device(smallReader.id, 'tok-budget-small')
    t.rt.presence.connect(smallReader.id)
    const one = await small.post(small.host.id, 'hello')
    const single = await countStatements(t.rt, () => fanOutMessages(t.rt, [one.id]))
    expect(single.result).toBe(2)

    const w = await notificationWorld(t.rt, 9)
    const [mentioned, replier, mutedForNow, ...rest] = w.others as (typeof w.host)[]
    await (await w.as(mutedForNow!)).notifications.setPlanetNotifications({
      planetId: w.general.id,
      muted: true,
      mutedUntil: new Date(Date.now() + 3_600_000),
    })
    await w.device(mentioned!.id, 'tok-budget-mentioned')
    const question = await w.post(replier!.id, 'Which ferry?')
    await fanOutMessage(t.rt, question.id)
    t.rt.presence.connect(mentioned!.id)
    const ids: string[] = []
    for (let i = 0; i < 20; i++) {
      const opts = i === 4 ? { mentions: [mentioned!.id] } : i === 9 ? { replyToId: question.id } : {}
      ids.push((await w.post(w.host.id, `line ${i}`, opts)).id)
    }
    const batch = await countStatements(t.rt, () => fanOutMessages(t.rt, ids))
    t.rt.presence.disconnect(smallReader.id)
    t.rt.presence.disconnect(mentioned!.id)

    // 10 members besides the sender, one muted until later: 9 recipients × 20 messages.
    expect(batch.result).toBe(180)
    console.info(
      `statements: 1 message → 2 members: ${single.statements.length}; 20 → 9: ${batch.statements.length}`,
    )
    expect(batch.statements.length).toBe(single.statements.length)
    expect(batch.statements.length).toBeLessThanOrEqual(10)
    expect(batch.transactionControl).toEqual(['BEGIN', 'COMMIT'])

    expect(await w.notificationsOf(mutedForNow!.id)).toEqual([])
    const rows = (userId: string) =>
      w
        .notificationsOf(userId)
        .then((ns) =>
          ns.map((n) => [n.type, n.count, n.title, n.body]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
        )
    expect(await rows(mentioned!.id)).toEqual([
      ['MENTION', 1, 'Hana mentioned you in General', 'line 4'],
      ['MESSAGE', 20, 'General', '20 new messages in General'],
    ])
    expect(await rows(replier!.id)).toEqual([
      ['MESSAGE', 19, 'General', '19 new messages in General'],
      ['REPLY', 1, 'Hana replied to you in General', 'line 9'],
    ])
    for (const u of [w.mod, ...rest]) {
      const [n, ...more] = await w.notificationsOf(u.id)
      expect(more).toEqual([])
      expect(n).toMatchObject({ type: 'MESSAGE', count: 21, body: '21 new messages in General' })
      expect(n!.data).toEqual({ travelId: w.travel.id, planetId: w.general.id, messageId: ids.at(-1) })
      expect(delivery(n!, 'WEBSOCKET')?.status).toBe('SKIPPED')
    }
    for (const n of await w.notificationsOf(mentioned!.id)) {
      expect(delivery(n, 'WEBSOCKET')?.status).toBe('SENT')
    }

    // The next batch merges into the unread rows.
    const more = [await w.post(w.host.id, 'a'), await w.post(w.host.id, 'b')]
    expect(
      await fanOutMessages(
        t.rt,
        more.map((m) => m.id),
      ),
    ).toBe(18)
    expect((await w.notificationsOf(w.mod.id)).map((n) => n.count)).toEqual([23])

    // Messages of several planets (two travels here) share one batch and its statements.
    const mixed = [
      await w.post(w.host.id, 'c'),
      await w.post(w.host.id, 'news', { planetId: w.announcements.id }),
      await small.post(small.host.id, 'again'),
    ]
    const across = await countStatements(t.rt, () =>
      fanOutMessages(
        t.rt,
        mixed.map((m) => m.id),
      ),
    )
    expect(across.result).toBe(9 + 10 + 2)
    expect(across.statements.length).toBeLessThanOrEqual(single.statements.length)
    expect((await w.notificationsOf(w.mod.id)).map((n) => [n.type, n.count])).toEqual([
      ['MESSAGE', 24],
      ['ANNOUNCEMENT', 1],
    ])
    expect((await small.notificationsOf(smallReader.id)).map((n) => n.count)).toEqual([2])
  })

  it('merges batches of one planet fanned out at once on different workers into one row', async () => {
    const w = await notificationWorld(t.rt, 3)
    const batches = await Promise.all(
      Array.from({ length: 4 }, (_, b) =>
        Promise.all(Array.from({ length: 5 }, (_, i) => w.post(w.host.id, `b${b} m${i}`))),
      ),
    )
    const idLists = batches.map((ms) => ms.map((m) => m.id))
    await Promise.all(idLists.map((ids) => fanOutMessages(t.rt, ids)))
    for (const u of [w.mod, ...w.others]) {
      expect((await w.notificationsOf(u.id)).map((n) => n.count)).toEqual([20])
    }
  })

  it('a retried batch skips the members it reached and notifies the rest once', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [p0, p1] = w.others as [typeof w.host, typeof w.host]
    const ids = [(await w.post(w.host.id, 'one')).id, (await w.post(w.host.id, 'two')).id]
    expect(await fanOutMessages(t.rt, ids)).toBe(6)
    await t.rt.db.notification.deleteMany({ where: { userId: p0.id } })
    expect(await fanOutMessages(t.rt, ids, { retry: true })).toBe(2)
    for (const u of [p0, p1, w.mod]) {
      expect((await w.notificationsOf(u.id)).map((n) => n.count)).toEqual([2])
    }
  })

  it('records PUSH as skipped without a job for a member with no device, and enqueues it for one with', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [withDevice, without] = w.others as [typeof w.host, typeof w.host]
    await w.device(withDevice.id, 'tok-has-device')
    const calls = recordEnqueues(t.rt)
    const text = 'ping "all", {x} \\ NULL \u{1F30A}'
    const m = await w.post(w.host.id, text, { mentions: [withDevice.id, without.id] })
    await fanOutMessage(t.rt, m.id)
    const [skipped] = await w.notificationsOf(without.id)
    expect(skipped!.body).toBe(text)
    expect(skipped!.deliveries.find((d) => d.channel === 'PUSH')).toMatchObject({
      status: 'SKIPPED',
      lastError: 'no registered devices',
      attempts: 0,
    })
    const [pending] = await w.notificationsOf(withDevice.id)
    expect(delivery(pending!, 'PUSH')?.status).toBe('PENDING')
    const pushes = calls.filter((c) => c.job === 'notification.push').map((c) => c.payload)
    expect(pushes).toEqual([{ notificationId: pending!.id }])
  })
})

describe('members looking at the planet', () => {
  it('get no notification for ordinary messages there, but still for a mention; elsewhere as usual', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [reader, away] = w.others as [typeof w.host, typeof w.host]
    await (await w.as(reader)).notifications.focus({ planetId: w.general.id })
    const plain = await w.post(w.host.id, 'on screen')
    const mention = await w.post(w.host.id, 'look @P0', { mentions: [reader.id] })
    const news = await w.post(w.host.id, 'elsewhere', { planetId: w.announcements.id })
    await fanOutMessages(t.rt, [plain.id, mention.id, news.id])
    const types = async (userId: string) =>
      (await w.notificationsOf(userId)).map((n) => `${n.type} ${n.count}`).sort()
    expect(await types(reader.id)).toEqual(['ANNOUNCEMENT 1', 'MENTION 1'])
    expect(await types(away.id)).toEqual(['ANNOUNCEMENT 1', 'MESSAGE 2'])
    // Looking away: ordinary messages notify again.
    await (await w.as(reader)).notifications.focus({ planetId: null })
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'now unseen')).id)
    expect((await w.notificationsOf(reader.id)).map((n) => n.type)).toContain('MESSAGE')
  })
})

describe('a busy room on screen', () => {
  it('costs two reads and no transaction when every member looks at the planet', async () => {
    const w = await notificationWorld(t.rt, 3)
    for (const u of [w.mod, ...w.others]) {
      await (await w.as(u)).notifications.focus({ planetId: w.general.id })
    }
    const ids = [(await w.post(w.host.id, 'one')).id, (await w.post(w.host.id, 'two')).id]
    const { result, statements, transactionControl } = await countStatements(t.rt, () =>
      fanOutMessages(t.rt, ids),
    )
    expect(result).toBe(0)
    expect(statements).toHaveLength(2)
    expect(transactionControl).toEqual([])
  })
})

describe('message batcher', () => {
  it('gathers every planet’s new messages into one enqueue, flushed after NOTIFY_BATCH_MS', async () => {
    const rt = await createTestRuntime({ env: { NOTIFY_BATCH_MS: '50' } })
    try {
      const calls = recordEnqueues(rt.rt)
      const a = Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, planetId: 'planet-a' }))
      const b = Array.from({ length: 3 }, (_, i) => ({ id: `b${i}`, planetId: 'planet-b' }))
      const sent = [...a, ...b].map((m) => notifyMessageSent(rt.rt, m))
      expect(calls).toEqual([])
      await Promise.all(sent)
      expect(calls.map((c) => c.payload)).toEqual([
        { kind: 'messages', messageIds: [...a, ...b].map((m) => m.id) },
      ])
      expect(calls.every((c) => c.job === 'notification.fan-out')).toBe(true)
    } finally {
      await rt.close()
    }
  })

  it('enqueues a full batch of 200 at once', async () => {
    const rt = await createTestRuntime({ env: { NOTIFY_BATCH_MS: '60000' } })
    try {
      const calls = recordEnqueues(rt.rt)
      const sent = Array.from({ length: 201 }, (_, i) => notifyMessageSent(rt.rt, { id: `m${i}` }))
      await sent[0]
      expect(calls.map((c) => (c.payload as { messageIds: string[] }).messageIds.length)).toEqual([200])
    } finally {
      await rt.close()
    }
  })

  it('flushes what is still gathered when the runtime closes', async () => {
    const rt = await createTestRuntime({ env: { NOTIFY_BATCH_MS: '60000' } })
    const calls = recordEnqueues(rt.rt)
    void notifyMessageSent(rt.rt, { id: 'late' })
    expect(calls).toEqual([])
    await rt.close()
    expect(calls.map((c) => c.payload)).toEqual([{ kind: 'messages', messageIds: ['late'] }])
  })

  it('logs an enqueue failure instead of throwing into the send path', async () => {
    const rt = await createTestRuntime({ env: { NOTIFY_BATCH_MS: '0' } })
    try {
      const errors: unknown[] = []
      rt.rt.logger.error = ((obj: unknown) => {
        errors.push(obj)
      }) as typeof rt.rt.logger.error
      rt.rt.jobs.enqueue = async () => {
        throw new Error('redis down')
      }
      await expect(notifyMessageSent(rt.rt, { id: 'x' })).resolves.toBeUndefined()
      expect(errors).toHaveLength(1)
    } finally {
      await rt.close()
    }
  })
})
