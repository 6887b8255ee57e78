// The scheduled maintenance jobs against a real database: the daily cleanup removes only what is past
// its retention, the statistics job stores a snapshot, and /health/detailed shows the queues.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { detailedHealth } from '../health/health.ts'
import { settableClock } from '../notifications/notification-fixtures.ts'
import { runDailyCleanup } from './cleanup.job.ts'
import { queueStats } from './queue-stats.ts'
import { takeStatsSnapshot } from './stats.job.ts'

const DAY = 24 * 60 * 60_000
const clock = settableClock(new Date())
let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime({ overrides: { clock } })
})
afterAll(async () => {
  await t.close()
})

const ago = (ms: number) => new Date(clock.now().getTime() - ms)

describe('maintenance jobs', () => {
  it('daily cleanup removes old notifications, abandoned uploads, dead sessions and stale devices only', async () => {
    clock.set(new Date())
    const u = await seedUser(t.rt.db)
    const note = (createdAt: Date, title: string) =>
      t.rt.db.notification.create({ data: { userId: u.id, type: 'SYSTEM', title, body: '', createdAt } })
    await note(ago(31 * DAY), 'old')
    await note(ago(29 * DAY), 'recent')
    const upload = (createdAt: Date, key: string) =>
      t.rt.db.fileUpload.create({
        data: {
          ownerId: u.id,
          storageKey: key,
          fileName: 'a.jpg',
          mimeType: 'image/jpeg',
          size: 10,
          createdAt,
        },
      })
    await upload(ago(8 * DAY), `abandoned-${u.id}`)
    await upload(ago(2 * DAY), `in-progress-${u.id}`)
    const session = (tokenHash: string, data: { expiresAt: Date; revokedAt?: Date }) =>
      t.rt.db.session.create({ data: { userId: u.id, tokenHash, familyId: 'f', ...data } })
    await session(`expired-${u.id}`, { expiresAt: ago(1000) })
    await session(`revoked-long-ago-${u.id}`, { expiresAt: ago(-DAY), revokedAt: ago(40 * DAY) })
    await session(`live-${u.id}`, { expiresAt: ago(-DAY) })
    const device = (pushToken: string, lastSeenAt: Date) =>
      t.rt.db.device.create({ data: { userId: u.id, pushToken, platform: 'IOS', lastSeenAt } })
    await device(`stale-${u.id}`, ago(300 * DAY))
    await device(`fresh-${u.id}`, ago(DAY))

    const removed = await runDailyCleanup(t.rt)
    expect(removed).toMatchObject({ notifications: 1, abandonedUploads: 1, sessions: 2, devices: 1 })
    expect((await t.rt.db.notification.findMany({ where: { userId: u.id } })).map((n) => n.title)).toEqual([
      'recent',
    ])
    expect(
      (await t.rt.db.fileUpload.findMany({ where: { ownerId: u.id }, orderBy: { createdAt: 'asc' } })).map(
        (f) => f.status,
      ),
    ).toEqual(['ABORTED', 'PENDING'])
    expect((await t.rt.db.session.findMany({ where: { userId: u.id } })).map((s) => s.tokenHash)).toEqual([
      `live-${u.id}`,
    ])
    expect((await t.rt.db.device.findMany({ where: { userId: u.id } })).map((d) => d.pushToken)).toEqual([
      `fresh-${u.id}`,
    ])
    // Idempotent: a second run finds nothing.
    expect(await runDailyCleanup(t.rt)).toMatchObject({
      notifications: 0,
      abandonedUploads: 0,
      sessions: 0,
      devices: 0,
    })
  })

  it('stores a statistics snapshot with activity, message rate and queue counts', async () => {
    clock.set(new Date())
    const u = await seedUser(t.rt.db)
    await t.rt.db.user.update({ where: { id: u.id }, data: { lastSeenAt: ago(60_000) } })
    const before = await takeStatsSnapshot(t.rt)
    const { general } = await seedTravel(t.rt.db, { hostId: u.id })
    for (let i = 0; i < 10; i++) {
      await t.rt.db.message.create({ data: { planetId: general.id, senderId: u.id, content: `m${i}` } })
    }
    const snap = await takeStatsSnapshot(t.rt)
    expect(snap.activeUsers).toBeGreaterThanOrEqual(1)
    expect(snap.messagesPerMinute - before.messagesPerMinute).toBeCloseTo(2, 5)
    expect(snap.newUsers).toBeGreaterThanOrEqual(1)
    expect(snap.queues).toMatchObject({ critical: { failed: 0 }, normal: {}, bulk: {} })
    expect(await t.rt.db.statsSnapshot.count()).toBe(2)
  })

  it('shows queue counts and dead letters in /health/detailed and queueStats', async () => {
    const stats = await queueStats(t.rt)
    expect(stats).toMatchObject({ mode: 'memory', workers: false, deadLetters: [] })
    expect(Object.keys(stats.queues).sort()).toEqual(['bulk', 'critical', 'normal'])
    const health = await detailedHealth(t.rt, { database: false })
    expect(health.components.jobs).toMatchObject({
      status: 'up',
      mode: 'memory',
      details: { queues: { critical: { waiting: 0, active: 0, failed: 0, delayed: 0 } } },
    })
  })
})
