// Two api nodes over one Postgres and Redis, for the live layer: typing sent through node A arrives
// live on a client of node B and lives in Redis with a 5-second expiry; the typing limit is shared by
// both nodes; away flags are Redis keys with an expiry; delivery recorded on node B reaches the
// sender's subscription on node A; reads through node A update the reader's me.onEvent on node B.
import { seedTravel, seedUser } from '@connecto/db/seed'
import type { MeEvent, PlanetStreamEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { awayKey } from '../src/realtime/away-store.ts'
import { clientAs, pause, until } from '../src/realtime/live-test-kit.ts'
import { typingKey } from '../src/realtime/typing-store.ts'
import {
  callerFor,
  codeOf,
  createTestDatabase,
  createTestRuntime,
  redisSkipReason,
  startTestServer,
  type TestDatabase,
} from './harness.ts'
import { collect } from './ws-client.ts'

const skip = redisSkipReason()

type Node = {
  t: Awaited<ReturnType<typeof createTestRuntime>>
  server: Awaited<ReturnType<typeof startTestServer>>
}

describe.skipIf(!!skip)(
  `live layer across two api nodes over Redis${skip ? ` — skipped: ${skip}` : ''}`,
  () => {
    let database: TestDatabase
    let a: Node
    let b: Node
    beforeAll(async () => {
      database = await createTestDatabase()
      const nodes: Node[] = []
      for (let i = 0; i < 2; i++) {
        const t = await createTestRuntime({ redis: true, database })
        nodes.push({ t, server: await startTestServer(t.rt) })
      }
      ;[a, b] = nodes as [Node, Node]
    })
    afterAll(async () => {
      for (const n of [a, b]) {
        await n.server.close()
        await n.t.close()
      }
      await database.drop()
    })

    async function world() {
      const host = await seedUser(a.t.rt.db)
      const guest = await seedUser(a.t.rt.db)
      const seeded = await seedTravel(a.t.rt.db, {
        hostId: host.id,
        members: [{ userId: guest.id, role: 'PARTICIPANT' }],
      })
      return { host, guest, ...seeded }
    }

    async function watchPlanet(node: Node, userId: string, planetId: string) {
      const client = await clientAs(node.t.rt, node.server.url, userId)
      const got = collect<{ id: string; data: PlanetStreamEvent }>()
      const sub = client.trpc.messages.onPlanetEvent.subscribe(
        { planetId },
        { onData: (e) => got.push(e as never), onError: (e) => got.fail(e) },
      )
      await pause(300)
      return {
        got,
        async close() {
          sub.unsubscribe()
          await client.close()
        },
      }
    }

    it('delivers typing sent through node A to a client of node B, kept in Redis with a 5 s expiry', async () => {
      expect(a.t.rt.realtime.typing.kind).toBe('redis')
      const w = await world()
      const onB = await watchPlanet(b, w.host.id, w.general.id)
      await (await callerFor(a.t.rt, w.guest.id)).presence.typing({ planetId: w.general.id, typing: true })
      await onB.got.waitFor(1)
      expect(onB.got.items[0]!.data).toMatchObject({ type: 'typing', userId: w.guest.id, typing: true })
      const ttl = await b.t.rt.redis!.pttl(typingKey(w.general.id))
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(5000)
      expect(
        await (await callerFor(b.t.rt, w.host.id)).presence.typingNow({ planetId: w.general.id }),
      ).toEqual([w.guest.id])
      await (await callerFor(b.t.rt, w.guest.id)).presence.typing({ planetId: w.general.id, typing: false })
      await onB.got.waitFor(2)
      expect(onB.got.items[1]!.data).toMatchObject({ type: 'typing', typing: false })
      await onB.close()
    })

    it('shares the typing limit between nodes', async () => {
      const w = await world()
      const viaA = await callerFor(a.t.rt, w.guest.id)
      for (let i = 0; i < 50; i++) await viaA.presence.typing({ planetId: w.general.id, typing: i % 2 === 0 })
      const viaB = await callerFor(b.t.rt, w.guest.id)
      expect(await codeOf(viaB.presence.typing({ planetId: w.general.id, typing: true }))).toBe('RT002')
    })

    it('keeps away in a Redis key with an expiry, visible from the other node', async () => {
      const w = await world()
      const guestOnA = await watchPlanet(a, w.guest.id, w.general.id)
      await (await callerFor(a.t.rt, w.guest.id)).presence.report({ state: 'away' })
      const ttl = await b.t.rt.redis!.ttl(awayKey(w.guest.id))
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(15 * 60)
      const seen = await until(
        async () =>
          (await (await callerFor(b.t.rt, w.host.id)).presence.list({ travelId: w.travel.id })).find(
            (p) => p.userId === w.guest.id,
          ),
        (p) => p?.status === 'away',
      )
      expect(seen).toMatchObject({ status: 'away' })
      await (await callerFor(b.t.rt, w.guest.id)).presence.report({ state: 'active' })
      expect(await b.t.rt.redis!.exists(awayKey(w.guest.id))).toBe(0)
      await guestOnA.close()
    })

    it('signals delivery recorded on node B to the sender on node A, and reads to me.onEvent on B', async () => {
      const w = await world()
      const senderOnA = await watchPlanet(a, w.host.id, w.general.id)
      const guestOnB = await watchPlanet(b, w.guest.id, w.general.id)
      const meClient = await clientAs(b.t.rt, b.server.url, w.guest.id)
      const me = collect<{ id: string; data: MeEvent }>()
      const meSub = meClient.trpc.me.onEvent.subscribe({}, { onData: (e) => me.push(e as never) })
      await me.waitFor(1)
      await pause(200)

      const sent = await (await callerFor(a.t.rt, w.host.id)).messages.send({
        planetId: w.general.id,
        clientMessageId: 'multi-node-status-1',
        content: 'status across nodes',
      })
      await guestOnB.got.waitFor(1)
      await b.t.rt.realtime.deliveries.flush()
      await until(
        () => senderOnA.got.items.map((e) => e.data),
        (events) => events.some((e) => e.type === 'message.status' && e.status === 'delivered'),
      )
      expect(
        await (await callerFor(a.t.rt, w.host.id)).reads.messageStatus({
          planetId: w.general.id,
          messageIds: [sent.id],
        }),
      ).toEqual([{ messageId: sent.id, status: 'delivered' }])
      await until(
        () => me.items.map((e) => e.data),
        (events) => events.some((e) => e.type === 'unread.changed' && e.total === 1),
      )

      await (await callerFor(a.t.rt, w.guest.id)).reads.markRead({
        planetId: w.general.id,
        messageId: sent.id,
      })
      await until(
        () => me.items.map((e) => e.data),
        (events) => events.some((e) => e.type === 'unread.changed' && e.total === 0),
      )
      await until(
        () => senderOnA.got.items.map((e) => e.data),
        (events) => events.some((e) => e.type === 'read.updated' && e.userId === w.guest.id),
      )
      meSub.unsubscribe()
      await meClient.close()
      await senderOnA.close()
      await guestOnB.close()
    })
  },
)
