// The live layer on one node over real WebSockets: typing (delivered, expiring, refused to those who
// cannot write, rate-limited), ephemeral signals mixed with tracked events across a reconnect, the
// room-join limit, non-members getting nothing, message status sent → delivered → read, and presence.
import { seedTravel, seedUser } from '@connecto/db/seed'
import type { PlanetStreamEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, codeOf, createTestRuntime, startTestServer } from '../../test/harness.ts'
import { collect } from '../../test/ws-client.ts'
import type { Runtime } from '../runtime.ts'
import { appCode, appData, clientAs, pause, until } from './live-test-kit.ts'

type Received = { id: string; data: PlanetStreamEvent }

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

async function world(rt: Runtime) {
  const host = await seedUser(rt.db)
  const guest = await seedUser(rt.db)
  const seeded = await seedTravel(rt.db, {
    hostId: host.id,
    members: [{ userId: guest.id, role: 'PARTICIPANT' }],
  })
  return { host, guest, ...seeded }
}

let sends = 0
const send = async (rt: Runtime, userId: string, planetId: string, content = 'hello') =>
  (await callerFor(rt, userId)).messages.send({
    planetId,
    clientMessageId: `live-${++sends}-${Date.now()}`,
    content,
  })

type Client = Awaited<ReturnType<typeof clientAs>>

/** Subscribes a real client (its own, unless one is given) to a planet and waits until it is live. */
async function watch(
  rt: Runtime,
  userId: string,
  planetId: string,
  opts: { lastEventId?: string; client?: Client } = {},
) {
  const client = opts.client ?? (await clientAs(rt, server.url, userId))
  const got = collect<Received>()
  let started = false
  const sub = client.trpc.messages.onPlanetEvent.subscribe(
    { planetId, ...(opts.lastEventId ? { lastEventId: opts.lastEventId } : {}) },
    { onData: (e) => got.push(e as never), onError: (e) => got.fail(e), onStarted: () => (started = true) },
  )
  await until(
    () => started || got.errors.length > 0,
    (ok) => ok,
  )
  // "started" is sent before the bus subscriptions finish; give them a moment.
  await pause(150)
  return {
    got,
    client,
    async close() {
      sub.unsubscribe()
      if (!opts.client) await client.close()
    },
  }
}

const ofType = <T extends PlanetStreamEvent['type']>(items: Received[], type: T) =>
  items.filter((e) => e.data.type === type).map((e) => e.data as Extract<PlanetStreamEvent, { type: T }>)

describe('typing', () => {
  it('reaches other members live, not the typist, and stops on request', async () => {
    const { rt } = t
    const w = await world(rt)
    const hostView = await watch(rt, w.host.id, w.general.id)
    const guestView = await watch(rt, w.guest.id, w.general.id)
    const guest = await callerFor(rt, w.guest.id)
    const started = await guest.presence.typing({ planetId: w.general.id, typing: true })
    expect(started.expiresAt).toBeInstanceOf(Date)
    await hostView.got.waitFor(1)
    expect(hostView.got.items[0]!.data).toMatchObject({
      type: 'typing',
      userId: w.guest.id,
      typing: true,
      nickname: expect.any(String),
    })
    expect(await (await callerFor(rt, w.host.id)).presence.typingNow({ planetId: w.general.id })).toEqual([
      w.guest.id,
    ])
    await guest.presence.typing({ planetId: w.general.id, typing: false })
    await hostView.got.waitFor(2)
    expect(hostView.got.items[1]!.data).toMatchObject({ type: 'typing', userId: w.guest.id, typing: false })
    expect(await (await callerFor(rt, w.host.id)).presence.typingNow({ planetId: w.general.id })).toEqual([])
    await pause(100)
    expect(ofType(guestView.got.items, 'typing')).toEqual([])
    // Ephemeral: nothing went into the event log.
    expect(await rt.db.planetEvent.count({ where: { planetId: w.general.id } })).toBe(0)
    await hostView.close()
    await guestView.close()
  })

  it('announces a stop by itself when a start is not refreshed within 5 seconds', async () => {
    const { rt } = t
    const w = await world(rt)
    const hostView = await watch(rt, w.host.id, w.general.id)
    const started = Date.now()
    await (await callerFor(rt, w.guest.id)).presence.typing({ planetId: w.general.id, typing: true })
    await hostView.got.waitFor(2, 8000)
    expect(hostView.got.items[1]!.data).toMatchObject({ type: 'typing', typing: false, userId: w.guest.id })
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900)
    await hostView.close()
  }, 15_000)

  it('ends when the typist sends, without a stop from the client', async () => {
    const { rt } = t
    const w = await world(rt)
    const hostView = await watch(rt, w.host.id, w.general.id)
    await (await callerFor(rt, w.guest.id)).presence.typing({ planetId: w.general.id, typing: true })
    await send(rt, w.guest.id, w.general.id, 'sent while typing')
    await hostView.got.waitFor(3)
    const types = hostView.got.items.map((e) => e.data.type)
    expect(types.slice(0, 2)).toEqual(['typing', 'message.new'])
    expect(ofType(hostView.got.items, 'typing').map((e) => e.typing)).toEqual([true, false])
    expect(await (await callerFor(rt, w.host.id)).presence.typingNow({ planetId: w.general.id })).toEqual([])
    await hostView.close()
  })

  it('is refused to those who cannot write there', async () => {
    const { rt } = t
    const w = await world(rt)
    const outsider = await seedUser(rt.db)
    const guest = await callerFor(rt, w.guest.id)
    expect(await codeOf(guest.presence.typing({ planetId: w.announcements.id, typing: true }))).toBe('PLT005')
    await (await callerFor(rt, w.host.id)).moderation.mute({
      planetId: w.general.id,
      userId: w.guest.id,
      duration: '1h',
    })
    expect(await codeOf(guest.presence.typing({ planetId: w.general.id, typing: true }))).toBe('PLT003')
    const stranger = await callerFor(rt, outsider.id)
    expect(await codeOf(stranger.presence.typing({ planetId: w.general.id, typing: true }))).toBe('PLT002')
    expect(await codeOf(stranger.presence.typingNow({ planetId: w.general.id }))).toBe('PLT002')
  })

  it('is rate-limited per user with a retry-after', async () => {
    const { rt } = t
    const w = await world(rt)
    const guest = await callerFor(rt, w.guest.id)
    for (let i = 0; i < 50; i++) await guest.presence.typing({ planetId: w.general.id, typing: i % 2 === 0 })
    const refused = await guest.presence.typing({ planetId: w.general.id, typing: true }).catch((e) => e)
    expect(refused.cause).toMatchObject({ code: 'RT002' })
    expect(refused.cause.retryAfterSeconds).toBeGreaterThan(0)
    expect(refused.cause.retryAfterSeconds).toBeLessThanOrEqual(60)
  })
})

describe('the planet subscription', () => {
  it('refuses non-members, who then receive nothing', async () => {
    const { rt } = t
    const w = await world(rt)
    const outsider = await seedUser(rt.db)
    const view = await watch(rt, outsider.id, w.general.id)
    expect(view.got.errors.map(appCode)).toEqual(['PLT002'])
    await send(rt, w.host.id, w.general.id, 'members only')
    await (await callerFor(rt, w.guest.id)).presence.typing({ planetId: w.general.id, typing: true })
    await pause(300)
    expect(view.got.items).toEqual([])
    await view.close()
  })

  it('keeps resume exact when typing signals are mixed with tracked events over a reconnect', async () => {
    const { rt } = t
    const w = await world(rt)
    const view = await watch(rt, w.guest.id, w.general.id)
    const first = await send(rt, w.host.id, w.general.id, 'first')
    await view.got.waitFor(1)
    await (await callerFor(rt, w.host.id)).presence.typing({ planetId: w.general.id, typing: true })
    await view.got.waitFor(2)
    const [message, typing] = view.got.items as [Received, Received]
    expect(message.data.type).toBe('message.new')
    expect(typing.data.type).toBe('typing')
    // The signal carries the resume point of the last logged event.
    expect(typing.id).toBe(message.id)

    // Drop the socket from the server side; the client reconnects and resumes by itself.
    rt.live.closeUser(w.guest.id, 'test reconnect')
    const missed = await send(rt, w.host.id, w.general.id, 'while reconnecting')
    await until(
      () => ofType(view.got.items, 'message.new').length,
      (n) => n >= 2,
      8000,
    )
    await pause(300)
    expect(ofType(view.got.items, 'message.new').map((e) => e.message.id)).toEqual([first.id, missed.id])
    await view.close()
  })

  it('limits fresh room joins per user (20 rooms per 5 minutes) with a retry-after, not re-joins or resumes', async () => {
    const { rt } = t
    const w = await world(rt)
    const rooms = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        rt.db.planet.create({
          data: {
            travelId: w.travel.id,
            name: `room ${i}`,
            members: { create: [{ userId: w.guest.id }] },
          },
        }),
      ),
    )
    // One socket carries them all, as a web client with many rooms open does.
    const client = await clientAs(rt, server.url, w.guest.id)
    const views = []
    for (const room of rooms.slice(0, 20)) views.push(await watch(rt, w.guest.id, room.id, { client }))
    // Switching back to a room joined in the window costs nothing.
    views.push(await watch(rt, w.guest.id, rooms[0]!.id, { client }))
    expect(views.flatMap((v) => v.got.errors)).toEqual([])
    const refused = await watch(rt, w.guest.id, rooms[20]!.id, { client })
    expect(refused.got.errors.map(appData)).toEqual([
      expect.objectContaining({ code: 'RT001', retryAfterSeconds: expect.any(Number) }),
    ])
    expect(appData(refused.got.errors[0])!.retryAfterSeconds).toBeGreaterThan(0)
    const resumed = await watch(rt, w.guest.id, w.general.id, { client, lastEventId: '0' })
    expect(resumed.got.errors).toEqual([])
    for (const v of [...views, refused, resumed]) await v.close()
    await client.close()
  })
})

describe('message status', () => {
  it('goes sent → delivered when a recipient’s subscription yields it → read from the watermark', async () => {
    const { rt } = t
    const w = await world(rt)
    const host = await callerFor(rt, w.host.id)
    const hostView = await watch(rt, w.host.id, w.general.id)
    const early = await send(rt, w.host.id, w.general.id, 'nobody is here')
    await rt.realtime.deliveries.flush()
    expect(await host.reads.messageStatus({ planetId: w.general.id, messageIds: [early.id] })).toEqual([
      { messageId: early.id, status: 'sent' },
    ])

    const guestView = await watch(rt, w.guest.id, w.general.id)
    const m = await send(rt, w.host.id, w.general.id, 'are you there?')
    await guestView.got.waitFor(1)
    await rt.realtime.deliveries.flush()
    expect(await host.reads.messageStatus({ planetId: w.general.id })).toEqual([
      { messageId: m.id, status: 'delivered' },
      // Delivery is a watermark: the newer message reaching the guest covers the older one too.
      { messageId: early.id, status: 'delivered' },
    ])
    await until(
      () => ofType(hostView.got.items, 'message.status'),
      (s) => s.some((e) => e.status === 'delivered' && e.upTo.messageId === m.id),
    )

    await (await callerFor(rt, w.guest.id)).reads.markRead({ planetId: w.general.id, messageId: early.id })
    expect(await host.reads.messageStatus({ planetId: w.general.id })).toEqual([
      { messageId: m.id, status: 'delivered' },
      { messageId: early.id, status: 'read' },
    ])
    await until(
      () => ofType(hostView.got.items, 'message.status'),
      (s) => s.some((e) => e.status === 'read' && e.byUserId === w.guest.id && e.upTo.messageId === early.id),
    )
    // Only the caller's own messages get a status.
    const guestMsg = await send(rt, w.guest.id, w.general.id, 'mine')
    expect(await host.reads.messageStatus({ planetId: w.general.id, messageIds: [guestMsg.id] })).toEqual([])
    await hostView.close()
    await guestView.close()
  })
})

describe('presence', () => {
  it('shows online, away and offline with last seen, hiding it when the user asks', async () => {
    const { rt } = t
    const w = await world(rt)
    const host = await callerFor(rt, w.host.id)
    const statusOf = async (userId: string) =>
      (await host.presence.list({ travelId: w.travel.id })).find((p) => p.userId === userId)
    expect(await statusOf(w.guest.id)).toMatchObject({ status: 'offline', lastSeenAt: null })
    const guestView = await watch(rt, w.guest.id, w.general.id)
    await until(
      () => statusOf(w.guest.id),
      (p) => p?.status === 'online',
    )
    const guest = await callerFor(rt, w.guest.id)
    await guest.presence.report({ state: 'away' })
    expect(await statusOf(w.guest.id)).toMatchObject({ status: 'away' })
    await guest.presence.report({ state: 'active' })
    expect(await statusOf(w.guest.id)).toMatchObject({ status: 'online' })

    await rt.db.profile.update({
      where: { userId: w.guest.id },
      data: { preferences: { privacy: { lastSeenVisible: false } } },
    })
    expect(await statusOf(w.guest.id)).toMatchObject({ status: 'offline', lastSeenAt: null })
    expect(
      (await guest.presence.list({ travelId: w.travel.id })).find((p) => p.userId === w.guest.id),
    ).toMatchObject({ status: 'online' })
    await rt.db.profile.update({ where: { userId: w.guest.id }, data: { preferences: {} } })
    await guestView.close()
    const gone = await until(
      () => statusOf(w.guest.id),
      (p) => p?.status === 'offline' && p.lastSeenAt !== null,
    )
    expect(gone!.lastSeenAt).toBeInstanceOf(Date)
    const outsider = await seedUser(rt.db)
    expect(await codeOf((await callerFor(rt, outsider.id)).presence.list({ travelId: w.travel.id }))).toBe(
      'TRV002',
    )
  })
})
