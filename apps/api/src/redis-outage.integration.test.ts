// An api that loses Redis keeps accepting sends (Postgres is the truth), and subscribers catch up by
// resume once it is back. Redis is reached through a TCP proxy the test cuts and restores.
import net from 'node:net'
import { seedTravel, seedUser } from '@connecto/db/seed'
import type { PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, createTestRuntime, redisSkipReason, redisUrl, startTestServer } from '../test/harness.ts'
import { collect, connectClient } from '../test/ws-client.ts'
import { signAccessToken } from './auth/tokens.ts'

/** A TCP proxy to Redis that can be cut (every connection dropped, new ones refused) and restored. */
async function startCuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => {})
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port
        resolve()
      })
    })
  await listen()
  return {
    url: () => `redis://127.0.0.1:${port}`,
    async cut() {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
    },
    restore: listen,
  }
}

const skip = redisSkipReason()

describe.skipIf(!!skip)(`Redis outage${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let proxy: Awaited<ReturnType<typeof startCuttableProxy>>
  let t: Awaited<ReturnType<typeof createTestRuntime>>
  let server: Awaited<ReturnType<typeof startTestServer>>

  beforeAll(async () => {
    proxy = await startCuttableProxy(new URL(redisUrl()!))
    t = await createTestRuntime({ env: { REDIS_URL: proxy.url() } })
    server = await startTestServer(t.rt)
  })
  afterAll(async () => {
    await server?.close()
    await t?.close()
    await proxy?.cut()
  })

  it('keeps accepting sends while Redis is down; a live subscriber and a resuming one catch up', async () => {
    expect(t.rt.bus.kind).toBe('redis')
    const host = await seedUser(t.rt.db)
    const guest = await seedUser(t.rt.db)
    const { general } = await seedTravel(t.rt.db, { hostId: host.id, members: [{ userId: guest.id }] })
    const { token } = await signAccessToken(t.rt.config, { userId: guest.id, sessionFamily: 'f' }, new Date())
    const sender = await callerFor(t.rt, host.id)
    const send = (n: number) =>
      sender.messages.send({ planetId: general.id, clientMessageId: `outage-${n}`, content: `message ${n}` })

    const live = connectClient(server.url, token)
    const received = collect<{ id: string; data: PlanetEvent }>()
    const sub = live.trpc.messages.onPlanetEvent.subscribe(
      { planetId: general.id },
      { onData: (e) => received.push(e as never), onError: (e) => received.fail(e) },
    )
    await new Promise((r) => setTimeout(r, 300))
    await send(1)
    await received.waitFor(1)
    const firstEventId = received.items[0]!.id

    await proxy.cut()
    const during = [await send(2), await send(3)]
    expect(during.map((m) => m.content)).toEqual(['message 2', 'message 3'])

    await proxy.restore()
    const until = Date.now() + 15_000
    while (t.rt.redis!.status !== 'ready' && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
    expect(t.rt.redis!.status).toBe('ready')
    // The subscriber connection resubscribes on its own; give it a moment before the next event.
    await new Promise((r) => setTimeout(r, 500))
    await send(4)

    await received.waitFor(4, 10_000)
    const contentOf = (e: { data: PlanetEvent }) =>
      e.data.type === 'message.new' ? e.data.message.content : e.data.type
    expect(received.items.map(contentOf)).toEqual(['message 1', 'message 2', 'message 3', 'message 4'])
    sub.unsubscribe()
    await live.close()

    const resumed = connectClient(server.url, token)
    const replay = collect<{ id: string; data: PlanetEvent }>()
    const again = resumed.trpc.messages.onPlanetEvent.subscribe(
      { planetId: general.id, lastEventId: firstEventId },
      { onData: (e) => replay.push(e as never) },
    )
    await replay.waitFor(3)
    expect(replay.items.map(contentOf)).toEqual(['message 2', 'message 3', 'message 4'])
    again.unsubscribe()
    await resumed.close()
  })
})
