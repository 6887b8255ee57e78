// Read watermarks through the router against real Postgres: mark read never moves backwards, unread
// counts skip own / deleted / SYSTEM messages and vanish with a ban, mark-all-read per travel or
// everywhere, "read by" and read receipts privacy, the live read.updated event, travels.listMine
// totals, and the statement budget for 200 planets.
import { seedTravel, seedUser } from '@connecto/db/seed'
import type { PlanetStreamEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, codeOf, createTestRuntime, startTestServer } from '../../test/harness.ts'
import { countStatements } from '../../test/sql-statements.ts'
import { collect } from '../../test/ws-client.ts'
import { clientAs, pause } from '../realtime/live-test-kit.ts'
import type { Runtime } from '../runtime.ts'
import { loadUnreadCounts } from './unread-counts.ts'

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
async function send(rt: Runtime, userId: string, planetId: string, content: string) {
  return (await callerFor(rt, userId)).messages.send({
    planetId,
    clientMessageId: `reads-${++sends}-${Date.now()}`,
    content,
  })
}

async function world(rt: Runtime) {
  const host = await seedUser(rt.db)
  const guest = await seedUser(rt.db)
  const third = await seedUser(rt.db)
  const seeded = await seedTravel(rt.db, {
    hostId: host.id,
    members: [{ userId: guest.id }, { userId: third.id }],
  })
  return { host, guest, third, ...seeded }
}

const unreadOf = async (rt: Runtime, userId: string, planetId: string) => {
  const { planets } = await (await callerFor(rt, userId)).reads.unreadCounts({})
  return planets.find((p) => p.planetId === planetId)?.unread ?? null
}

describe('read watermarks and unread counts', () => {
  it('counts others’ messages only, moves the watermark forward only, and survives deletes', async () => {
    const { rt } = t
    const w = await world(rt)
    const guest = await callerFor(rt, w.guest.id)
    const m1 = await send(rt, w.host.id, w.general.id, 'one')
    const m2 = await send(rt, w.host.id, w.general.id, 'two')
    await send(rt, w.guest.id, w.general.id, 'my own reply')
    const m3 = await send(rt, w.third.id, w.general.id, 'three')
    expect(await unreadOf(rt, w.guest.id, w.general.id)).toBe(3)

    expect(await guest.reads.markRead({ planetId: w.general.id, messageId: m2.id })).toMatchObject({
      advanced: true,
      unread: 1,
    })
    // An older mark (a slow device) does not move it back.
    expect(await guest.reads.markRead({ planetId: w.general.id, messageId: m1.id })).toMatchObject({
      advanced: false,
      unread: 1,
    })
    const row = await rt.db.planetUser.findUniqueOrThrow({
      where: { planetId_userId: { planetId: w.general.id, userId: w.guest.id } },
    })
    expect(row.lastReadMessageId).toBe(m2.id)

    // A deleted unread message stops counting.
    await (await callerFor(rt, w.third.id)).messages.delete({ messageId: m3.id })
    expect(await unreadOf(rt, w.guest.id, w.general.id)).toBe(0)

    expect(await codeOf(guest.reads.markRead({ planetId: w.general.id, messageId: 'nope' }))).toBe('MSG001')
    const summary = await guest.reads.unreadCounts({})
    expect(summary.total).toBe(0)
    expect(summary.travels).toEqual([{ travelId: w.travel.id, unread: 0 }])
  })

  it('marks a whole travel, or everything, read', async () => {
    const { rt } = t
    const a = await world(rt)
    const b = await seedTravel(rt.db, { hostId: a.third.id, members: [{ userId: a.guest.id }] })
    await send(rt, a.host.id, a.general.id, 'in A general')
    await send(rt, a.host.id, a.announcements.id, 'in A announcements')
    await send(rt, a.third.id, b.general.id, 'in B')
    const guest = await callerFor(rt, a.guest.id)
    expect((await guest.reads.unreadCounts({})).total).toBe(3)

    const travelA = await guest.reads.markAllRead({ travelId: a.travel.id })
    expect(travelA).toMatchObject({ advancedPlanets: 2, total: 0 })
    expect(await guest.reads.unreadCounts({})).toMatchObject({ total: 1 })
    expect(await guest.reads.unreadCounts({ travelId: b.travel.id })).toMatchObject({ total: 1 })

    expect(await guest.reads.markAllRead({})).toMatchObject({ advancedPlanets: 1, total: 0 })
    // Nothing new: nothing moves.
    expect(await guest.reads.markAllRead({})).toMatchObject({ advancedPlanets: 0, total: 0 })
    const outsider = await seedUser(rt.db)
    expect(
      await codeOf((await callerFor(rt, outsider.id)).reads.markAllRead({ travelId: a.travel.id })),
    ).toBe('TRV002')
  })

  it('drops a banned member’s counts, and the member cannot mark read', async () => {
    const { rt } = t
    const w = await world(rt)
    await send(rt, w.host.id, w.general.id, 'before the ban')
    expect(await unreadOf(rt, w.guest.id, w.general.id)).toBe(1)
    await (await callerFor(rt, w.host.id)).moderation.banFromTravel({
      travelId: w.travel.id,
      userId: w.guest.id,
      reason: 'spam',
    })
    const guest = await callerFor(rt, w.guest.id)
    expect(await guest.reads.unreadCounts({})).toEqual({ planets: [], travels: [], total: 0 })
    const [mine] = await (await callerFor(rt, w.host.id)).messages
      .list({ planetId: w.general.id })
      .then((r) => r.items)
    expect(await codeOf(guest.reads.markRead({ planetId: w.general.id, messageId: mine!.id }))).toBe('TRV008')
  })

  it('lists who read a message, hiding members who turned read receipts off', async () => {
    const { rt } = t
    const w = await world(rt)
    const m = await send(rt, w.host.id, w.general.id, 'who saw this?')
    const later = await send(rt, w.host.id, w.general.id, 'later')
    await (await callerFor(rt, w.guest.id)).reads.markRead({ planetId: w.general.id, messageId: later.id })
    await rt.db.profile.update({
      where: { userId: w.third.id },
      data: { preferences: { privacy: { readReceipts: false } } },
    })
    await (await callerFor(rt, w.third.id)).reads.markRead({ planetId: w.general.id, messageId: m.id })
    const readers = await (await callerFor(rt, w.host.id)).reads.readBy({
      planetId: w.general.id,
      messageId: m.id,
    })
    expect(readers.map((r) => r.userId)).toEqual([w.guest.id])
    expect(readers[0]!.readAt).toBeInstanceOf(Date)
    // The private reader still has their own count right.
    expect(await unreadOf(rt, w.third.id, w.general.id)).toBe(1)
    const outsider = await seedUser(rt.db)
    expect(
      await codeOf(
        (await callerFor(rt, outsider.id)).reads.readBy({ planetId: w.general.id, messageId: m.id }),
      ),
    ).toBe('PLT002')
  })

  it('streams read.updated to other members live, but not for a private reader', async () => {
    const { rt } = t
    const w = await world(rt)
    const m = await send(rt, w.host.id, w.general.id, 'seen?')
    const hostClient = await clientAs(rt, server.url, w.host.id)
    const seen = collect<{ id: string; data: PlanetStreamEvent }>()
    const sub = hostClient.trpc.messages.onPlanetEvent.subscribe(
      { planetId: w.general.id },
      { onData: (e) => seen.push(e as never), onError: (e) => seen.fail(e) },
    )
    await pause(200)
    await rt.db.profile.update({
      where: { userId: w.third.id },
      data: { preferences: { privacy: { readReceipts: false } } },
    })
    await (await callerFor(rt, w.third.id)).reads.markRead({ planetId: w.general.id, messageId: m.id })
    await (await callerFor(rt, w.guest.id)).reads.markRead({ planetId: w.general.id, messageId: m.id })
    await seen.waitFor(2)
    await pause(150)
    const reads = seen.items.filter((e) => e.data.type === 'read.updated')
    expect(reads.map((e) => e.data)).toEqual([
      expect.objectContaining({ type: 'read.updated', userId: w.guest.id, messageId: m.id }),
    ])
    expect(seen.items.map((e) => e.data)).toContainEqual(
      expect.objectContaining({ type: 'message.status', status: 'read', byUserId: w.guest.id }),
    )
    sub.unsubscribe()
    await hostClient.close()
  })

  it('adds unread totals per travel and per planet to travels.listMine', async () => {
    const { rt } = t
    const w = await world(rt)
    await send(rt, w.host.id, w.general.id, 'a')
    await send(rt, w.host.id, w.general.id, 'b')
    await send(rt, w.host.id, w.announcements.id, 'c')
    const [mine] = await (await callerFor(rt, w.guest.id)).travels.listMine()
    expect(mine).toMatchObject({ id: w.travel.id, unreadCount: 3 })
    expect(Object.fromEntries(mine!.planets.map((p) => [p.id, p.unreadCount]))).toEqual({
      [w.general.id]: 2,
      [w.announcements.id]: 1,
    })
  })
})

describe('statement budget', () => {
  it('counts unread for 200 planets in one statement; listMine costs the same for 2 planets or 200', async () => {
    const { rt } = t
    const host = await seedUser(rt.db)
    const reader = await seedUser(rt.db)
    const light = await seedUser(rt.db)
    const { travel } = await seedTravel(rt.db, { hostId: host.id, members: [{ userId: reader.id }] })
    await seedTravel(rt.db, { hostId: host.id, members: [{ userId: light.id }] })
    const planetIds = Array.from({ length: 198 }, (_, i) => `budget-${travel.id}-${i}`)
    await rt.db.planet.createMany({
      data: planetIds.map((id, i) => ({ id, travelId: travel.id, name: `Room ${i}`, createdById: host.id })),
    })
    await rt.db.planetUser.createMany({
      data: planetIds.flatMap((planetId) => [
        { planetId, userId: host.id },
        { planetId, userId: reader.id },
      ]),
    })
    await rt.db.planetUser.updateMany({
      where: { userId: reader.id },
      data: { joinedAt: new Date(Date.now() - 86_400_000) },
    })
    await rt.db.message.createMany({
      data: planetIds.flatMap((planetId, i) =>
        Array.from({ length: (i % 5) + 1 }, (_, k) => ({
          planetId,
          senderId: host.id,
          content: `m${k}`,
          createdAt: new Date(Date.now() - 1000 * (10 - k)),
        })),
      ),
    })
    const expected = planetIds.reduce((sum, _, i) => sum + (i % 5) + 1, 0)

    const counted = await countStatements(rt, () => loadUnreadCounts(rt.db, reader.id))
    expect(counted.result).toHaveLength(200)
    expect(counted.result.reduce((s, r) => s + r.unread, 0)).toBe(expected)
    expect(counted.statements).toHaveLength(1)
    expect(counted.statements[0]).toMatch(/LATERAL/)

    const heavy = await callerFor(rt, reader.id)
    const small = await callerFor(rt, light.id)
    const heavyList = await countStatements(rt, () => heavy.travels.listMine())
    const smallList = await countStatements(rt, () => small.travels.listMine())
    expect(heavyList.result[0]!.unreadCount).toBe(expected)
    expect(heavyList.result[0]!.planets).toHaveLength(200)
    expect(heavyList.statements.length).toBe(smallList.statements.length)
  })
})
