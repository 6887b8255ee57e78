// Presence over real WebSockets: a member with an open socket shows online in travels.members, goes
// offline with lastSeenAt set when it closes, privacy hides both from others, and over Redis two
// nodes share it.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callerFor,
  createTestDatabase,
  createTestRuntime,
  redisSkipReason,
  startTestServer,
  type TestDatabase,
} from '../../test/harness.ts'
import { connectClient } from '../../test/ws-client.ts'
import { signAccessToken } from '../auth/tokens.ts'
import type { Runtime } from '../runtime.ts'
import { presenceKey } from './presence.ts'

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Connects a real ws client as the user and opens a subscription so the socket connects. */
async function goOnline(rt: Runtime, url: string, userId: string, planetId: string) {
  const { token } = await signAccessToken(rt.config, { userId, sessionFamily: 'f' }, new Date())
  const client = connectClient(url, token)
  const sub = client.trpc.messages.onPlanetEvent.subscribe({ planetId }, { onData: () => {} })
  return {
    async close() {
      sub.unsubscribe()
      await client.close()
    },
  }
}

async function seedWorld(rt: Runtime) {
  const host = await seedUser(rt.db)
  const guest = await seedUser(rt.db)
  const { travel, general } = await seedTravel(rt.db, { hostId: host.id, members: [{ userId: guest.id }] })
  return { host, guest, travel, general }
}

const memberOf = async (rt: Runtime, asUserId: string, travelId: string, userId: string) => {
  const list = await (await callerFor(rt, asUserId)).travels.members({ travelId })
  const m = list.find((x) => x.userId === userId)
  if (!m) throw new Error('member not listed')
  return m
}

describe('presence on one node (in-process)', () => {
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

  it('shows a connected member online, then offline with lastSeenAt once the socket closes', async () => {
    const { rt } = t
    expect(rt.presence.kind).toBe('memory')
    const w = await seedWorld(rt)
    const before = await memberOf(rt, w.host.id, w.travel.id, w.guest.id)
    expect(before).toMatchObject({ online: false, lastSeenAt: null })
    const conn = await goOnline(rt, server.url, w.guest.id, w.general.id)
    await until(
      () => memberOf(rt, w.host.id, w.travel.id, w.guest.id),
      (m) => m.online,
    )
    expect((await memberOf(rt, w.host.id, w.travel.id, w.host.id)).online).toBe(false)
    await conn.close()
    const after = await until(
      () => memberOf(rt, w.host.id, w.travel.id, w.guest.id),
      (m) => !m.online && m.lastSeenAt !== null,
    )
    expect(after.lastSeenAt).toBeInstanceOf(Date)
  })

  it('hides online and lastSeenAt from others when privacy.lastSeenVisible is false, not from the member', async () => {
    const { rt } = t
    const w = await seedWorld(rt)
    await rt.db.profile.update({
      where: { userId: w.guest.id },
      data: { preferences: { privacy: { lastSeenVisible: false } } },
    })
    await rt.db.user.update({
      where: { id: w.guest.id },
      data: { lastSeenAt: new Date('2026-01-01T00:00:00Z') },
    })
    const conn = await goOnline(rt, server.url, w.guest.id, w.general.id)
    const self = await until(
      () => memberOf(rt, w.guest.id, w.travel.id, w.guest.id),
      (m) => m.online,
    )
    expect(self.lastSeenAt).toEqual(new Date('2026-01-01T00:00:00Z'))
    expect(await memberOf(rt, w.host.id, w.travel.id, w.guest.id)).toMatchObject({
      online: false,
      lastSeenAt: null,
    })
    await conn.close()
  })
})

const skip = redisSkipReason()

describe.skipIf(!!skip)(`presence across two nodes over Redis${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let database: TestDatabase
  let a: Awaited<ReturnType<typeof createTestRuntime>>
  let b: Awaited<ReturnType<typeof createTestRuntime>>
  let serverA: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    database = await createTestDatabase()
    a = await createTestRuntime({ redis: true, database })
    b = await createTestRuntime({ redis: true, database })
    serverA = await startTestServer(a.rt)
  })
  afterAll(async () => {
    await serverA.close()
    await a.close()
    await b.close()
    await database.drop()
  })

  it('a user connected to node A is online when queried via node B', async () => {
    expect(a.rt.presence.kind).toBe('redis')
    const w = await seedWorld(a.rt)
    expect(await b.rt.presence.isOnline([w.guest.id])).toEqual(new Set())
    const conn = await goOnline(a.rt, serverA.url, w.guest.id, w.general.id)
    await until(
      () => memberOf(b.rt, w.host.id, w.travel.id, w.guest.id),
      (m) => m.online,
    )
    expect(await b.rt.presence.isOnline([w.guest.id, w.host.id])).toEqual(new Set([w.guest.id]))
    const ttl = await b.rt.redis!.ttl(presenceKey(w.guest.id))
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(90)
    await conn.close()
    const after = await until(
      () => memberOf(b.rt, w.host.id, w.travel.id, w.guest.id),
      (m) => !m.online && m.lastSeenAt !== null,
    )
    expect(after.lastSeenAt).toBeInstanceOf(Date)
  })
})
