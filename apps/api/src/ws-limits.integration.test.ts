// WebSocket hardening, each rule against a real server and real sockets: payload size, browser
// origins, tokens kept out of URLs and logs, sockets per user, subscriptions per socket, slow
// consumers and heartbeats.
import { seedTravel, seedUser } from '@connecto/db/seed'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callerFor,
  createTestDatabase,
  createTestRuntime,
  startTestServer,
  type TestDatabase,
} from '../test/harness.ts'
import { appCodeOf, openRawSocket } from '../test/raw-ws.ts'
import { signAccessToken } from './auth/tokens.ts'
import type { Logger } from './observability/logger.ts'
import type { Runtime } from './runtime.ts'
import { WS_CLOSE } from './ws-limits.ts'

const WEB = 'https://web.connecto.test'
const logLines: string[] = []
const capturingLogger = () =>
  pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) }) as unknown as Logger

type Node = {
  t: Awaited<ReturnType<typeof createTestRuntime>>
  server: Awaited<ReturnType<typeof startTestServer>>
}
async function startNode(database: TestDatabase, env: Record<string, string>): Promise<Node> {
  const t = await createTestRuntime({ database, env, overrides: { logger: capturingLogger() } })
  return { t, server: await startTestServer(t.rt) }
}

const tokenFor = async (rt: Runtime, userId: string) =>
  (await signAccessToken(rt.config, { userId, sessionFamily: 'ws-limits' }, new Date())).token

const waitUntil = async (ok: () => boolean, timeoutMs = 10_000) => {
  const until = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > until) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('WebSocket limits', () => {
  let database: TestDatabase
  let node: Node
  let beating: Node
  let slow: Node
  let host: { id: string }
  let guest: { id: string }
  let planetId: string
  let senders: { id: string }[]

  beforeAll(async () => {
    database = await createTestDatabase()
    node = await startNode(database, {
      WEB_ORIGINS: WEB,
      WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
    })
    slow = await startNode(database, { WS_MAX_BUFFERED_BYTES: '1024' })
    beating = await startNode(database, { WS_PING_MS: '200', WS_PONG_WAIT_MS: '200' })
    host = await seedUser(node.t.rt.db)
    guest = await seedUser(node.t.rt.db)
    senders = await Promise.all(Array.from({ length: 6 }, () => seedUser(node.t.rt.db)))
    const members = [guest, ...senders].map((u) => ({ userId: u.id }))
    const { general } = await seedTravel(node.t.rt.db, { hostId: host.id, members })
    planetId = general.id
  })
  afterAll(async () => {
    for (const n of [node, beating, slow]) {
      await n?.server.close()
      await n?.t.close()
    }
    await database?.drop()
  })

  it('closes a socket that sends a frame over the payload limit with 1009', async () => {
    const socket = openRawSocket(node.server.url, { token: await tokenFor(node.t.rt, guest.id) })
    await socket.opened
    socket.ws.send('x'.repeat(64 * 1024 + 1))
    expect((await socket.closed).code).toBe(1009)
  })

  it('refuses a browser handshake from a foreign origin and admits the web app and native clients', async () => {
    const token = await tokenFor(node.t.rt, guest.id)
    await expect(
      openRawSocket(node.server.url, { token, origin: 'https://evil.example' }).opened,
    ).rejects.toThrow('handshake refused: 403')
    for (const origin of [WEB, undefined]) {
      const socket = openRawSocket(node.server.url, { token, origin })
      await socket.opened
      const me = await socket.call(1, 'query', 'auth.me', undefined)
      expect(me.error).toBeUndefined()
      socket.ws.close()
    }
  })

  it('refuses a token in the URL and never logs one', async () => {
    const token = await tokenFor(node.t.rt, guest.id)
    for (const query of [`&token=${token}`, `&access_token=${token}`, `&accessToken=${token}`]) {
      await expect(openRawSocket(node.server.url, { query }).opened).rejects.toThrow('handshake refused: 400')
    }
    // A refused (forged) token goes through the error path, which logs: the token must not appear.
    const forged = `${token.slice(0, -4)}AAAA`
    const refused = openRawSocket(node.server.url, { token: forged })
    await refused.opened
    await refused.closed
    expect(logLines.join('\n')).not.toContain(token.split('.')[2])
    expect(logLines.join('\n')).not.toContain(forged.split('.')[2])
  })

  it('closes the 11th socket of one user with 4429 and admits a new one once another closes', async () => {
    const token = await tokenFor(node.t.rt, host.id)
    const sockets = []
    for (let i = 0; i < 10; i++) {
      const socket = openRawSocket(node.server.url, { token })
      await socket.opened
      expect((await socket.call(1, 'query', 'auth.me', undefined)).error).toBeUndefined()
      sockets.push(socket)
    }
    const eleventh = openRawSocket(node.server.url, { token })
    await eleventh.opened
    void eleventh.call(1, 'query', 'auth.me', undefined).catch(() => {})
    expect(await eleventh.closed).toEqual(WS_CLOSE.tooManySockets)
    // Someone else is not affected by this user's count.
    const other = openRawSocket(node.server.url, { token: await tokenFor(node.t.rt, guest.id) })
    await other.opened
    expect((await other.call(1, 'query', 'auth.me', undefined)).error).toBeUndefined()
    other.ws.close()

    sockets[0]!.ws.close()
    await sockets[0]!.closed
    await new Promise((r) => setTimeout(r, 200))
    const replacement = openRawSocket(node.server.url, { token })
    await replacement.opened
    expect((await replacement.call(1, 'query', 'auth.me', undefined)).error).toBeUndefined()
    for (const s of [...sockets.slice(1), replacement]) s.ws.close()
  })

  it('refuses a subscription past the per-socket cap with RT003, and frees the slot when one stops', async () => {
    const socket = openRawSocket(node.server.url, { token: await tokenFor(node.t.rt, guest.id) })
    await socket.opened
    const subscribe = (id: number) => socket.call(id, 'subscription', 'messages.onPlanetEvent', { planetId })
    expect((await subscribe(1)).result?.type).toBe('started')
    expect((await subscribe(2)).result?.type).toBe('started')
    const third = await subscribe(3)
    expect(appCodeOf(third)).toBe('RT003')
    socket.send({ id: 1, method: 'subscription.stop' })
    await waitUntil(() => socket.replies.some((r) => r.id === 1 && r.result?.type === 'stopped'))
    expect((await subscribe(4)).result?.type).toBe('started')
    // The socket itself stays usable after a refusal.
    expect((await socket.call(5, 'query', 'auth.me', undefined)).error).toBeUndefined()
    socket.ws.close()
  })

  it('drops a socket whose unsent backlog passes the limit (a client that stopped reading)', async () => {
    const socket = openRawSocket(slow.server.url, { token: await tokenFor(slow.t.rt, guest.id) })
    await socket.opened
    // Many subscriptions to one planet multiply each event on this socket, so the backlog grows fast.
    for (let id = 1; id <= 40; id++) {
      const reply = await socket.call(id, 'subscription', 'messages.onPlanetEvent', { planetId })
      expect(reply.result?.type).toBe('started')
    }
    const liveBefore = slow.t.rt.live.size
    // Stop reading: the kernel buffers fill, then the server's own send buffer grows.
    ;(socket.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    const callers = await Promise.all(senders.map((u) => callerFor(slow.t.rt, u.id)))
    const text = 'y'.repeat(3900)
    let sent = 0
    while (slow.t.rt.live.size >= liveBefore && sent < 500) {
      await Promise.all(
        callers.map((caller, i) =>
          caller.messages.send({ planetId, clientMessageId: `slow-${i}-${sent}`, content: text }),
        ),
      )
      sent += 1
    }
    expect(slow.t.rt.live.size).toBe(liveBefore - 1)
    expect(logLines.some((l) => l.includes('closing a WebSocket that stopped reading'))).toBe(true)
  })

  it('drops a socket that does not answer heartbeats, and keeps one that does', async () => {
    const token = await tokenFor(beating.t.rt, guest.id)
    const silent = openRawSocket(beating.server.url, { token })
    const answering = openRawSocket(beating.server.url, { token })
    answering.ws.on('message', (data) => data.toString() === 'PING' && answering.ws.send('PONG'))
    await Promise.all([silent.opened, answering.opened])
    const started = Date.now()
    // Terminated without a close frame: the client sees an abnormal closure.
    expect((await silent.closed).code).toBe(1006)
    expect(Date.now() - started).toBeLessThan(2000)
    await new Promise((r) => setTimeout(r, 800))
    expect(answering.ws.readyState).toBe(answering.ws.OPEN)
    answering.ws.close()
  })
})
