// Notifications for reactions, bans, mutes and joins: the actor is never notified, bursts of reactions
// and joins merge, and the notices moderation writes in its own transaction are delivered exactly once.
import { seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { JOB_DEFINITIONS } from '../jobs/registry.ts'
import { notificationWorld, recordingPush, waitUntil } from './notification-fixtures.ts'
import { notifyCreated, notifyReaction, notifyTravelJoined } from './notify.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
  await t.rt.jobs.start(t.rt, JOB_DEFINITIONS, [])
})
afterAll(async () => {
  await t.close()
})

const settle = () =>
  waitUntil(async () => {
    const c = (await t.rt.jobs.counts()).critical
    return c.waiting + c.active === 0
  })

describe('event notifications (through the fan-out job)', () => {
  it('tells the author about reactions, merged per message, and never the reactor about their own', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [author, fan] = w.others as [typeof w.host, typeof w.host]
    const m = await w.post(author.id, 'Sunset at Seongsan')
    await notifyReaction(t.rt, { messageId: m.id, reactorId: fan.id, emoji: '🔥' })
    await settle()
    expect((await w.notificationsOf(author.id)).map((n) => [n.type, n.title])).toEqual([
      ['REACTION', 'P1 reacted 🔥 to your message'],
    ])
    await notifyReaction(t.rt, { messageId: m.id, reactorId: w.host.id, emoji: '👍' })
    await notifyReaction(t.rt, { messageId: m.id, reactorId: author.id, emoji: '😀' })
    await settle()
    const [n, ...rest] = await w.notificationsOf(author.id)
    expect(rest).toEqual([])
    expect(n).toMatchObject({ count: 2, title: '2 reactions to your message', body: 'in General' })
  })

  it('delivers the ban and mute notices moderation writes, once, even to a member who muted the planet', async () => {
    const w = await notificationWorld(t.rt, 1)
    const [member] = w.others as [typeof w.host]
    await w.device(member.id, 'tok-moderated')
    const pushes = recordingPush(t.rt)
    await (await w.as(member)).notifications.setPlanetNotifications({ planetId: w.general.id, muted: true })
    await (await w.as(w.mod)).moderation.mute({
      planetId: w.general.id,
      userId: member.id,
      duration: '1h',
      reason: 'flood',
    })
    await (await w.as(w.host)).moderation.banFromTravel({
      travelId: w.travel.id,
      userId: member.id,
      reason: 'rude',
    })
    const notes = await w.notificationsOf(member.id)
    expect(notes.map((n) => n.type).sort()).toEqual(['BANNED', 'MUTED'])
    for (const n of notes) {
      await notifyCreated(t.rt, n.id)
      await notifyCreated(t.rt, n.id)
    }
    await settle()
    await waitUntil(() => pushes.length === 2)
    expect(pushes.map((p) => p.message.data.type).sort()).toEqual(['BANNED', 'MUTED'])
    const channels = async (type: string) =>
      (await w.notificationsOf(member.id))
        .find((n) => n.type === type)!
        .deliveries.map((d) => `${d.channel}:${d.status}`)
        .sort()
    // Offline, so nothing live; mail waits for the digest, and MUTED notices are not mailed by default.
    expect(await channels('BANNED')).toEqual([
      'EMAIL:PENDING',
      'IN_APP:SENT',
      'PUSH:SENT',
      'WEBSOCKET:SKIPPED',
    ])
    expect(await channels('MUTED')).toEqual([
      'EMAIL:SKIPPED',
      'IN_APP:SENT',
      'PUSH:SENT',
      'WEBSOCKET:SKIPPED',
    ])
    expect(await w.notificationsOf(w.host.id)).toEqual([])
    expect(await w.notificationsOf(w.mod.id)).toEqual([])
  })

  it('tells the host and moderators who joined, merging a wave of joins', async () => {
    const w = await notificationWorld(t.rt, 1)
    const [participant] = w.others as [typeof w.host]
    const [a, b] = await Promise.all([seedUser(t.rt.db, { nickname: 'Jisoo' }), seedUser(t.rt.db)])
    await notifyTravelJoined(t.rt, { travelId: w.travel.id, userId: a.id })
    await settle()
    expect((await w.notificationsOf(w.host.id)).map((n) => n.title)).toEqual(['Jisoo joined Jeju trip'])
    await notifyTravelJoined(t.rt, { travelId: w.travel.id, userId: b.id })
    await settle()
    for (const staff of [w.host, w.mod]) {
      const [n] = await w.notificationsOf(staff.id)
      expect(n).toMatchObject({ type: 'TRAVEL_JOINED', count: 2, title: '2 people joined Jeju trip' })
    }
    expect(await w.notificationsOf(participant.id)).toEqual([])
  })
})
