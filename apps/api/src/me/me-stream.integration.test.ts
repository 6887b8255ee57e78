// me.onEvent over a real WebSocket: an unread snapshot first, unread changes as messages arrive and
// as the user reads on another device, mentions, membership changes (join, leave, planet removal),
// a ban (access revoked, counts gone), and resume replaying mentions missed while away.
import { seedTravel, seedUser } from '@connecto/db/seed'
import type { MeEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, createTestRuntime, startTestServer } from '../../test/harness.ts'
import { collect } from '../../test/ws-client.ts'
import { clientAs, pause, until } from '../realtime/live-test-kit.ts'
import type { Runtime } from '../runtime.ts'

type Received = { id: string; data: MeEvent }

let t: Awaited<ReturnType<typeof createTestRuntime>>
let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => {
  t = await createTestRuntime()
  server = await startTestServer(t.rt)
})
afterAll(async () => {
  await server.close()
  await t.close()
})

let sends = 0
const send = async (rt: Runtime, userId: string, planetId: string, content: string) =>
  (await callerFor(rt, userId)).messages.send({
    planetId,
    clientMessageId: `me-${++sends}-${Date.now()}`,
    content,
  })

async function world(rt: Runtime) {
  const host = await seedUser(rt.db)
  const guest = await seedUser(rt.db, { nickname: `mina${Date.now().toString(36)}` })
  const seeded = await seedTravel(rt.db, {
    hostId: host.id,
    members: [{ userId: guest.id, role: 'PARTICIPANT' }],
  })
  return { host, guest, ...seeded }
}

async function stream(rt: Runtime, userId: string, lastEventId?: string) {
  const client = await clientAs(rt, server.url, userId)
  const got = collect<Received>()
  const sub = client.trpc.me.onEvent.subscribe(lastEventId ? { lastEventId } : {}, {
    onData: (e) => got.push(e as never),
    onError: (e) => got.fail(e),
  })
  await got.waitFor(1)
  await pause(100)
  return {
    got,
    /** Waits for the next event of a type after the first `after` items. */
    async next<T extends MeEvent['type']>(type: T, after = 0) {
      const found = await until(
        () => got.items.slice(after).find((e) => e.data.type === type),
        (e) => !!e,
      )
      return found!.data as Extract<MeEvent, { type: T }>
    },
    async close() {
      sub.unsubscribe()
      await client.close()
    },
  }
}

describe('me.onEvent', () => {
  it('starts with a snapshot, then follows new messages, reads on another device and deletes', async () => {
    const { rt } = t
    const w = await world(rt)
    await send(rt, w.host.id, w.general.id, 'waiting for you')
    const me = await stream(rt, w.guest.id)
    expect(me.got.items[0]!.data).toEqual({
      type: 'unread.snapshot',
      planets: expect.arrayContaining([
        { planetId: w.general.id, travelId: w.travel.id, unread: 1 },
        { planetId: w.announcements.id, travelId: w.travel.id, unread: 0 },
      ]),
      total: 1,
    })
    expect(me.got.items[0]!.id).toMatch(/^\d+-\d+$/)

    const n = me.got.items.length
    const second = await send(rt, w.host.id, w.general.id, 'second')
    expect(await me.next('unread.changed', n)).toEqual({
      type: 'unread.changed',
      planets: [{ planetId: w.general.id, travelId: w.travel.id, unread: 2 }],
      total: 2,
    })
    // Own messages do not count.
    await send(rt, w.guest.id, w.general.id, 'my reply')
    await pause(200)
    expect(me.got.items.length).toBe(n + 1)

    // Reading on another device (through plain HTTP) updates this stream.
    await (await callerFor(rt, w.guest.id)).reads.markRead({ planetId: w.general.id, messageId: second.id })
    expect(await me.next('unread.changed', n + 1)).toMatchObject({ total: 0 })

    const m = me.got.items.length
    const third = await send(rt, w.host.id, w.general.id, 'third')
    await me.next('unread.changed', m)
    await (await callerFor(rt, w.host.id)).messages.delete({ messageId: third.id })
    const afterDelete = await until(
      () => me.got.items.slice(m + 1).map((e) => e.data),
      (events) => events.some((e) => e.type === 'unread.changed'),
    )
    expect(afterDelete.at(-1)).toMatchObject({ type: 'unread.changed', total: 0 })
    await me.close()
  })

  it('reports mentions live and replays the ones missed while away on resume', async () => {
    const { rt } = t
    const w = await world(rt)
    const nickname = (await rt.db.profile.findUniqueOrThrow({ where: { userId: w.guest.id } })).nickname
    const me = await stream(rt, w.guest.id)
    const live = await send(rt, w.host.id, w.general.id, `hey @${nickname}, look`)
    expect(await me.next('mention')).toMatchObject({
      type: 'mention',
      travelId: w.travel.id,
      planetId: w.general.id,
      message: { id: live.id },
    })
    const lastId = me.got.items.at(-1)!.id
    await me.close()

    await pause(20)
    const missed = await send(rt, w.host.id, w.general.id, `@${nickname} you missed this`)
    await send(rt, w.host.id, w.general.id, 'no mention here')
    const resumed = await stream(rt, w.guest.id, lastId)
    const types = resumed.got.items.map((e) => e.data.type)
    expect(types).toEqual(['mention', 'unread.snapshot'])
    expect(resumed.got.items[0]!.data).toMatchObject({ message: { id: missed.id } })
    expect(resumed.got.items[1]!.data).toMatchObject({ total: 3 })
    await resumed.close()
  })

  it('reports joining and leaving travels and planets, with fresh counts each time', async () => {
    const { rt } = t
    const w = await world(rt)
    const other = await seedTravel(rt.db, {
      hostId: w.host.id,
      inviteCode: `J${Date.now().toString(36).toUpperCase()}`.slice(0, 8),
    })
    await send(rt, w.host.id, other.general.id, 'welcome, whoever comes')
    const me = await stream(rt, w.guest.id)
    const guest = await callerFor(rt, w.guest.id)

    let n = me.got.items.length
    await guest.travels.join({ inviteCode: other.travel.inviteCode })
    expect(await me.next('membership.changed', n)).toEqual({
      type: 'membership.changed',
      travelId: other.travel.id,
      planetId: null,
      change: 'joined',
    })
    const joined = await me.next('unread.snapshot', n)
    expect(joined.planets.map((p) => p.travelId)).toContain(other.travel.id)

    // Live counting now covers the new travel's planets too.
    n = me.got.items.length
    await send(rt, w.host.id, other.general.id, 'now you are in')
    expect(await me.next('unread.changed', n)).toMatchObject({
      planets: [{ planetId: other.general.id, travelId: other.travel.id }],
    })

    n = me.got.items.length
    await guest.travels.leave({ travelId: other.travel.id })
    expect(await me.next('membership.changed', n)).toMatchObject({
      travelId: other.travel.id,
      change: 'left',
    })
    const left = await me.next('unread.snapshot', n)
    expect(left.planets.map((p) => p.travelId)).not.toContain(other.travel.id)

    // A planet of their own travel that staff take them out of.
    const room = await (await callerFor(rt, w.host.id)).planets.create({
      travelId: w.travel.id,
      name: 'Side room',
      autoJoin: false,
    })
    n = me.got.items.length
    await (await callerFor(rt, w.host.id)).planets.addMember({ planetId: room.id, userId: w.guest.id })
    expect(await me.next('membership.changed', n)).toMatchObject({ planetId: room.id, change: 'joined' })
    expect((await me.next('unread.snapshot', n)).planets.map((p) => p.planetId)).toContain(room.id)
    n = me.got.items.length
    await (await callerFor(rt, w.host.id)).planets.removeMember({ planetId: room.id, userId: w.guest.id })
    expect(await me.next('membership.changed', n)).toMatchObject({ planetId: room.id, change: 'removed' })
    expect((await me.next('unread.snapshot', n)).planets.map((p) => p.planetId)).not.toContain(room.id)
    await me.close()
  })

  it('reports a ban: access revoked, and the travel’s counts disappear', async () => {
    const { rt } = t
    const w = await world(rt)
    await send(rt, w.host.id, w.general.id, 'before')
    const me = await stream(rt, w.guest.id)
    expect(me.got.items[0]!.data).toMatchObject({ total: 1 })
    const n = me.got.items.length
    await (await callerFor(rt, w.host.id)).moderation.banFromTravel({
      travelId: w.travel.id,
      userId: w.guest.id,
      reason: 'spam',
    })
    expect(await me.next('access.revoked', n)).toEqual({
      type: 'access.revoked',
      travelId: w.travel.id,
      reason: 'travel.banned',
    })
    expect(await me.next('membership.changed', n)).toMatchObject({ change: 'banned', travelId: w.travel.id })
    expect(await me.next('unread.snapshot', n)).toEqual({ type: 'unread.snapshot', planets: [], total: 0 })
    // Nothing more from that travel.
    const m = me.got.items.length
    await send(rt, w.host.id, w.general.id, 'after the ban')
    await pause(300)
    expect(me.got.items.length).toBe(m)
    await me.close()
  })
})
