// The one-line hooks in other services, end to end through the router: a send, a reaction, a mute, a
// ban and a join each enqueue once and the workers deliver; the actor is never notified.
import { seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { JOB_DEFINITIONS } from '../jobs/registry.ts'
import { notificationWorld, waitUntil } from './notification-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
  await t.rt.jobs.start(t.rt, JOB_DEFINITIONS, [])
})
afterAll(async () => {
  await t.close()
})

const typesOf = async (w: Awaited<ReturnType<typeof notificationWorld>>, userId: string) =>
  (await w.notificationsOf(userId)).map((n) => n.type).sort()

describe('service hooks', () => {
  it('a send enqueues one fan-out and never slows or fails the send', async () => {
    const w = await notificationWorld(t.rt, 1)
    const [member] = w.others as [typeof w.host]
    const sent = await (await w.as(w.host)).messages.send({
      planetId: w.general.id,
      clientMessageId: `hook-${Date.now()}`,
      type: 'TEXT',
      content: 'See you at the port @P0',
    })
    await waitUntil(async () => (await typesOf(w, member.id)).length === 1)
    const [n] = await w.notificationsOf(member.id)
    expect(n).toMatchObject({
      type: 'MENTION',
      body: 'See you at the port @P0',
      data: { messageId: sent.id },
    })
    await waitUntil(async () => (await typesOf(w, w.mod.id)).length === 1)
    expect(await typesOf(w, w.mod.id)).toEqual(['MESSAGE'])
    expect(await w.notificationsOf(w.host.id)).toEqual([])
  })

  it('reactions, mutes, bans and joins notify the one they concern', async () => {
    const w = await notificationWorld(t.rt, 1)
    const [member] = w.others as [typeof w.host]
    const m = await w.post(member.id, 'Photo from the ferry')
    await (await w.as(w.host)).messages.react({ messageId: m.id, emoji: '🌊' })
    await waitUntil(async () => (await typesOf(w, member.id)).includes('REACTION'))

    await (await w.as(w.mod)).moderation.mute({ planetId: w.general.id, userId: member.id, duration: '1h' })
    await (await w.as(w.host)).moderation.banFromTravel({
      travelId: w.travel.id,
      userId: member.id,
      reason: 'rude',
    })
    await waitUntil(async () => {
      const notes = await w.notificationsOf(member.id)
      return notes.filter((n) => n.deliveries.length > 0).length === 3
    })
    expect(await typesOf(w, member.id)).toEqual(['BANNED', 'MUTED', 'REACTION'])

    const newcomer = await seedUser(t.rt.db, { nickname: 'Newcomer' })
    await (await w.as(newcomer)).travels.join({ inviteCode: w.travel.inviteCode })
    await waitUntil(async () => (await typesOf(w, w.host.id)).includes('TRAVEL_JOINED'))
    expect((await w.notificationsOf(w.host.id)).find((n) => n.type === 'TRAVEL_JOINED')?.title).toBe(
      'Newcomer joined Jeju trip',
    )
    expect(await w.notificationsOf(newcomer.id)).toEqual([])
  })
})
