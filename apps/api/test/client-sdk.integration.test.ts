// packages/client against a real api: token refresh (shared, once, sign-out when refused), resume after
// a dropped socket from the last event id, connection state, sends over the open socket, and the offline
// outbox across an outage.
// Lives here rather than in packages/client because it needs this package's test harness.
import { seedTravel, seedUser } from '@connecto/db/seed'
import type { PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import {
  type ConnectionState,
  createConnectoClient,
  memoryTokenStore,
  type Tokens,
} from '../../../packages/client/src/index.ts'
import { signAccessToken } from '../src/auth/tokens.ts'
import { createApiServer } from '../src/server.ts'
import { anonCaller, callerFor, createTestRuntime } from './harness.ts'
import { collect } from './ws-client.ts'

const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket

describe('packages/client against a real api', () => {
  let t: Awaited<ReturnType<typeof createTestRuntime>>
  let api: ReturnType<typeof createApiServer>
  let port: number
  let url: string
  let host: Awaited<ReturnType<typeof seedUser>>
  let guest: Awaited<ReturnType<typeof seedUser>>
  let planetId: string

  beforeAll(async () => {
    t = await createTestRuntime()
    api = createApiServer(t.rt)
    port = await api.listen(0, '127.0.0.1')
    url = `http://127.0.0.1:${port}`
    host = await seedUser(t.rt.db)
    guest = await seedUser(t.rt.db)
    const { general } = await seedTravel(t.rt.db, { hostId: host.id, members: [{ userId: guest.id }] })
    planetId = general.id
  })
  afterAll(async () => {
    await api?.close()
    await t?.close()
  })

  /** Real tokens from sign-in, with the access token swapped for one that expired an hour ago. */
  async function expiredSession(user: { id: string; email: string; password: string }): Promise<Tokens> {
    const signedIn = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    const { token } = await signAccessToken(
      t.rt.config,
      { userId: user.id, sessionFamily: 'expired' },
      new Date(Date.now() - 3600_000),
    )
    return { accessToken: token, refreshToken: signedIn.refreshToken }
  }

  it('refreshes an expired access token once for concurrent calls and for the socket', async () => {
    const initial = await expiredSession(guest)
    const store = memoryTokenStore(initial)
    const onSignedOut = vi.fn()
    const client = createConnectoClient({ url, tokens: store, onSignedOut, WebSocket: NodeWebSocket })
    const me = await Promise.all([1, 2, 3].map(() => client.trpc.auth.me.query()))
    expect(me.map((m) => m.id)).toEqual([guest.id, guest.id, guest.id])
    const after = await store.get()
    expect(after!.refreshToken).not.toBe(initial.refreshToken)
    // Refresh tokens rotate and reuse ends the family: a second refresh would have signed us out.
    expect(onSignedOut).not.toHaveBeenCalled()

    const received = collect<{ id: string; data: PlanetEvent }>()
    const sub = client.trpc.messages.onPlanetEvent.subscribe(
      { planetId },
      { onData: (e) => received.push(e as never), onError: (e) => received.fail(e) },
    )
    await new Promise((r) => setTimeout(r, 300))
    await (await callerFor(t.rt, host.id)).messages.send({
      planetId,
      clientMessageId: 'refresh-live-1',
      content: 'hi',
    })
    await received.waitFor(1)
    sub.unsubscribe()
    await client.close()
  })

  it('signs out when the refresh token is refused', async () => {
    const { accessToken } = await expiredSession(guest)
    const store = memoryTokenStore({ accessToken, refreshToken: 'revoked-or-unknown-refresh-token-0000' })
    const onSignedOut = vi.fn()
    const client = createConnectoClient({ url, tokens: store, onSignedOut, realtime: false })
    const outcomes = await Promise.allSettled([client.trpc.auth.me.query(), client.trpc.auth.me.query()])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected'])
    expect(onSignedOut).toHaveBeenCalledTimes(1)
    expect(await store.get()).toBeNull()
  })

  it('resumes a subscription from its last event id after the socket drops, reporting the connection state', async () => {
    const { token } = await signAccessToken(t.rt.config, { userId: guest.id, sessionFamily: 'f' }, new Date())
    const states: ConnectionState[] = []
    const client = createConnectoClient({
      url,
      getAccessToken: () => token,
      WebSocket: NodeWebSocket,
      retryDelayMs: () => 200,
      onConnectionStateChange: (s) => states.push(s),
    })
    const received = collect<{ id: string; data: PlanetEvent }>()
    const sub = client.trpc.messages.onPlanetEvent.subscribe(
      { planetId },
      { onData: (e) => received.push(e as never), onError: (e) => received.fail(e) },
    )
    await new Promise((r) => setTimeout(r, 300))
    const sender = await callerFor(t.rt, host.id)
    const send = (n: number) =>
      sender.messages.send({ planetId, clientMessageId: `resume-${n}-x`, content: `r${n}` })
    await send(1)
    await received.waitFor(1)

    t.rt.live.closeUser(guest.id, 'test: drop the socket')
    // Sent while the client is reconnecting (after its 200 ms delay): only a resume can bring them.
    const until = Date.now() + 5000
    while (states.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 10))
    expect(states).toEqual(['connecting', 'open', 'connecting'])
    await send(2)
    await send(3)
    await received.waitFor(3, 10_000)
    await send(4)
    await received.waitFor(4)
    const contents = received.items.map((e) =>
      e.data.type === 'message.new' ? e.data.message.content : e.data.type,
    )
    expect(contents.filter((c) => c?.startsWith('r'))).toEqual(['r1', 'r2', 'r3', 'r4'])
    expect(received.errors).toEqual([])
    expect(states[0]).toBe('connecting')
    expect(states.filter((s) => s === 'open').length).toBeGreaterThanOrEqual(2)
    sub.unsubscribe()
    await client.close()
  })

  it('sends (and types, and marks read) over the open socket, and over HTTP while the socket is down', async () => {
    const { token } = await signAccessToken(t.rt.config, { userId: guest.id, sessionFamily: 'f' }, new Date())
    const states: ConnectionState[] = []
    const httpCalls: string[] = []
    const client = createConnectoClient({
      url,
      getAccessToken: () => token,
      WebSocket: NodeWebSocket,
      fetch: (input, init) => {
        httpCalls.push(String(input))
        return fetch(input, init)
      },
      retryDelayMs: () => 2000,
      onConnectionStateChange: (s) => states.push(s),
    })
    const waitForState = async (state: ConnectionState, count: number) => {
      const until = Date.now() + 5000
      while (states.filter((s) => s === state).length < count && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 10))
      }
      expect(states.filter((s) => s === state).length).toBe(count)
    }
    const send = (clientMessageId: string, content: string) =>
      client.trpc.messages.send.mutate({ planetId, clientMessageId, content })
    const httpSends = () => httpCalls.filter((u) => u.includes('messages.send')).length
    const sub = client.trpc.messages.onPlanetEvent.subscribe({ planetId }, { onData: () => {} })
    await waitForState('open', 1)

    const sent = await send('over-socket-1', 'over the socket')
    expect(sent.content).toBe('over the socket')
    // The chat's small frequent calls take the socket too.
    await client.trpc.presence.typing.mutate({ planetId, typing: true })
    await client.trpc.reads.markRead.mutate({ planetId, messageId: sent.id })
    expect(httpCalls).toEqual([])

    t.rt.live.closeUser(guest.id, 'test: drop the socket')
    await waitForState('connecting', 2)
    expect((await send('over-http-1', 'over HTTP')).content).toBe('over HTTP')
    expect(httpSends()).toBe(1)
    const stored = await t.rt.db.message.findMany({
      where: { senderId: guest.id, clientMessageId: { in: ['over-socket-1', 'over-http-1'] } },
    })
    expect(stored).toHaveLength(2)
    sub.unsubscribe()
    await client.close()
  })

  it('queues sends while the api is down and delivers them once, in order, when it is back', async () => {
    const { token } = await signAccessToken(t.rt.config, { userId: guest.id, sessionFamily: 'f' }, new Date())
    const client = createConnectoClient({ url, getAccessToken: () => token, realtime: false })
    await api.close()
    const first = await client.outbox.enqueue({ planetId, content: 'queued 1' })
    const second = await client.outbox.enqueue({ planetId, content: 'queued 2' })
    await new Promise((r) => setTimeout(r, 300))
    expect(client.outbox.pending().map((p) => p.input.clientMessageId)).toEqual([
      first.clientMessageId,
      second.clientMessageId,
    ])

    api = createApiServer(t.rt)
    await api.listen(port, '127.0.0.1')
    client.outbox.retryNow()
    const [a, b] = await Promise.all([first.sent, second.sent])
    expect([a.content, b.content]).toEqual(['queued 1', 'queued 2'])
    const stored = await t.rt.db.message.findMany({
      where: { clientMessageId: { in: [first.clientMessageId, second.clientMessageId] } },
      orderBy: { createdAt: 'asc' },
    })
    expect(stored.map((m) => m.content)).toEqual(['queued 1', 'queued 2'])
    await client.close()
  })
})
