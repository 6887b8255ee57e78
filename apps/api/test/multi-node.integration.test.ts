// Two api nodes on two ports over the same Postgres and Redis: a message sent through one arrives
// live on a client of the other. Needs Redis; skipped (with the reason) on machines without it.

import { seedTravel, seedUser } from '@connecto/db/seed'
import type { PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signAccessToken } from '../src/auth/tokens.ts'
import {
  callerFor,
  createTestDatabase,
  createTestRuntime,
  redisSkipReason,
  startTestServer,
  type TestDatabase,
} from './harness.ts'
import { collect, connectClient } from './ws-client.ts'

const skip = redisSkipReason()

describe.skipIf(!!skip)(`two api nodes over Redis${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let database: TestDatabase
  let nodes: {
    t: Awaited<ReturnType<typeof createTestRuntime>>
    server: Awaited<ReturnType<typeof startTestServer>>
  }[]
  beforeAll(async () => {
    database = await createTestDatabase()
    nodes = []
    for (let i = 0; i < 2; i++) {
      const t = await createTestRuntime({ redis: true, database })
      nodes.push({ t, server: await startTestServer(t.rt) })
    }
  })
  afterAll(async () => {
    for (const n of nodes) {
      await n.server.close()
      await n.t.close()
    }
    await database.drop()
  })

  it('delivers a message sent on node A to a subscriber on node B', async () => {
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]]
    expect(a.server.port).not.toBe(b.server.port)
    expect(a.t.rt.bus.kind).toBe('redis')
    const host = await seedUser(a.t.rt.db)
    const guest = await seedUser(a.t.rt.db)
    const { general } = await seedTravel(a.t.rt.db, { hostId: host.id, members: [{ userId: guest.id }] })
    const { token } = await signAccessToken(
      b.t.rt.config,
      { userId: guest.id, sessionFamily: 'f' },
      new Date(),
    )
    const onB = connectClient(b.server.url, token)
    const received = collect<{ id: string; data: PlanetEvent }>()
    let started = false
    const sub = onB.trpc.messages.onPlanetEvent.subscribe(
      { planetId: general.id },
      { onData: (e) => received.push(e as never), onStarted: () => (started = true) },
    )
    // A fresh subscription streams what is committed after it starts; a cold node B (new socket, first
    // queries) can take longer than a fixed pause, so wait for the start, then for its bus subscriptions.
    for (let waited = 0; !started && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 300))
    const sent = await (await callerFor(a.t.rt, host.id)).messages.send({
      planetId: general.id,
      clientMessageId: 'multi-node-1',
      content: 'from node A',
    })
    await received.waitFor(1)
    expect(received.items[0]!.data).toMatchObject({
      type: 'message.new',
      message: { id: sent.id, content: 'from node A' },
    })
    sub.unsubscribe()
    await onB.close()
  })
})
