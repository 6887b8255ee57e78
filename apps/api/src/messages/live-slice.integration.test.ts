// The first real-time slice end to end over a real WebSocket: create a travel, join it, send, receive
// live, drop the connection, miss messages, resume with lastEventId and get exactly what was missed.

import { seedUser } from '@connecto/db/seed'
import type { PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonCaller, codeOf, createTestRuntime, startTestServer } from '../../test/harness.ts'
import { collect, connectClient } from '../../test/ws-client.ts'
import { signAccessToken } from '../auth/tokens.ts'

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

async function signedIn() {
  const user = await seedUser(t.rt.db)
  const s = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
  return { user, token: s.accessToken }
}

const day = 86_400_000
const tracked = (e: { id: string; data: PlanetEvent }) => e

describe('live slice', () => {
  it('delivers a message live, then replays exactly what a reconnecting client missed', async () => {
    const host = await signedIn()
    const guest = await signedIn()
    const hostClient = connectClient(server.url, host.token)
    const guestClient = connectClient(server.url, guest.token)

    const travel = await hostClient.trpc.travels.create.mutate({
      name: 'Busan weekend',
      startDate: new Date(Date.now() - day),
      endDate: new Date(Date.now() + 3 * day),
    })
    await guestClient.trpc.travels.join.mutate({ inviteCode: travel.inviteCode })
    const [mine] = await guestClient.trpc.travels.listMine.query()
    const general = mine!.planets.find((p) => p.name === 'General')!
    expect(mine!.planets.map((p) => p.type).sort()).toEqual(['ANNOUNCEMENT', 'GROUP'])

    const received = collect<ReturnType<typeof tracked>>()
    const sub = guestClient.trpc.messages.onPlanetEvent.subscribe(
      { planetId: general.id },
      { onData: (e) => received.push(e as never), onError: (e) => received.fail(e) },
    )
    await new Promise((r) => setTimeout(r, 200))
    const sent = await hostClient.trpc.messages.send.mutate({
      planetId: general.id,
      clientMessageId: 'c-0001-aaaa',
      content: '안녕하세요! 부산 가요 🌊',
    })
    await received.waitFor(1)
    const first = received.items[0]!
    expect(first.data).toMatchObject({
      type: 'message.new',
      message: { id: sent.id, content: '안녕하세요! 부산 가요 🌊' },
    })
    expect(first.id).toBe(String(first.data.seq))
    sub.unsubscribe()

    // Offline: three messages arrive meanwhile, and a retry of one of them must not duplicate it.
    const missed = []
    for (const [i, text] of ['one', 'two', 'three'].entries()) {
      missed.push(
        await hostClient.trpc.messages.send.mutate({
          planetId: general.id,
          clientMessageId: `c-000${i + 2}-bbbb`,
          content: text,
        }),
      )
    }
    const retry = await hostClient.trpc.messages.send.mutate({
      planetId: general.id,
      clientMessageId: 'c-0002-bbbb',
      content: 'one',
    })
    expect(retry.id).toBe(missed[0]!.id)

    const resumed = collect<ReturnType<typeof tracked>>()
    const sub2 = guestClient.trpc.messages.onPlanetEvent.subscribe(
      { planetId: general.id, lastEventId: first.id },
      { onData: (e) => resumed.push(e as never), onError: (e) => resumed.fail(e) },
    )
    await resumed.waitFor(3)
    const live = await hostClient.trpc.messages.send.mutate({
      planetId: general.id,
      clientMessageId: 'c-0005-cccc',
      content: 'live again',
    })
    await resumed.waitFor(4)
    await new Promise((r) => setTimeout(r, 200))
    // Only logged events: ephemeral signals (typing, message status) may interleave on the same stream.
    const logged = resumed.items.filter((e) => e.data.type === 'message.new')
    expect(logged.map((e) => (e.data as Extract<PlanetEvent, { type: 'message.new' }>).message.id)).toEqual([
      ...missed.map((m) => m.id),
      live.id,
    ])
    const seqs = logged.map((e) => e.data.seq)
    expect(seqs).toEqual([seqs[0]!, seqs[0]! + 1, seqs[0]! + 2, seqs[0]! + 3])
    sub2.unsubscribe()

    const history = await guestClient.trpc.messages.list.query({ planetId: general.id })
    expect(history.items.map((m) => m.content)).toEqual([
      'live again',
      'three',
      'two',
      'one',
      '안녕하세요! 부산 가요 🌊',
      expect.stringMatching(/ joined the travel\.$/),
    ])
    await hostClient.close()
    await guestClient.close()
  })

  it('refuses a subscription from a non-member with PLT002', async () => {
    const host = await signedIn()
    const outsider = await signedIn()
    const travel = await connectClient(server.url, host.token).trpc.travels.create.mutate({
      name: 'Private trip',
      startDate: new Date(),
      endDate: new Date(Date.now() + day),
    })
    const planet = await t.rt.db.planet.findFirstOrThrow({ where: { travelId: travel.id, type: 'GROUP' } })
    const client = connectClient(server.url, outsider.token)
    const err = await new Promise<unknown>((resolve) => {
      client.trpc.messages.onPlanetEvent.subscribe(
        { planetId: planet.id },
        { onData: () => resolve('data'), onError: resolve },
      )
    })
    expect((err as { data?: { app?: { code: string } } }).data?.app?.code).toBe('PLT002')
    expect(await codeOf(anonCaller(t.rt).messages.list({ planetId: planet.id }))).toBe('AUTH003')
    await client.close()
  })

  it('refuses a WebSocket connection whose access token has expired', async () => {
    const { user } = await signedIn()
    const { token } = await signAccessToken(
      t.rt.config,
      { userId: user.id, sessionFamily: 'f' },
      new Date(Date.now() - 20 * 60_000),
    )
    const client = connectClient(server.url, token)
    const err = await new Promise<unknown>((resolve) => {
      client.trpc.messages.onPlanetEvent.subscribe(
        { planetId: 'anything' },
        { onData: () => resolve('data'), onError: resolve },
      )
      setTimeout(() => resolve('timeout'), 4000)
    })
    expect((err as { data?: { app?: { code: string } } }).data?.app?.code).toBe('AUTH002')
    await client.close()
  })
})
