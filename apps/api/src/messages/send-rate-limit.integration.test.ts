// 100 sends per user per minute: the 101st is refused with MSG004 and the seconds to wait in the error
// data, retries of earlier sends still answer, and over Redis the allowance is shared by every api node.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { LIMITS } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callerFor,
  codeOf,
  createTestDatabase,
  createTestRuntime,
  redisSkipReason,
  startTestServer,
  type TestDatabase,
} from '../../test/harness.ts'
import { connectClient } from '../../test/ws-client.ts'
import { signAccessToken } from '../auth/tokens.ts'
import type { Runtime } from '../runtime.ts'
import { clientId } from './message-fixtures.ts'

async function travellerIn(rt: Runtime) {
  const user = await seedUser(rt.db)
  const { general } = await seedTravel(rt.db, { hostId: user.id })
  return { user, planetId: general.id }
}

describe('send rate limit in one process', () => {
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

  it('refuses the 101st send in a minute with MSG004 and retryAfterSeconds, changing nothing', async () => {
    const { user, planetId } = await travellerIn(t.rt)
    const { token } = await signAccessToken(t.rt.config, { userId: user.id, sessionFamily: 'f' }, new Date())
    const client = connectClient(server.url, token)
    const first = { planetId, clientMessageId: clientId(), content: 'message 0' }
    await client.trpc.messages.send.mutate(first)
    for (let i = 1; i < LIMITS.messagesPerMinute; i++) {
      await client.trpc.messages.send.mutate({
        planetId,
        clientMessageId: clientId(),
        content: `message ${i}`,
      })
    }
    const err = await client.trpc.messages.send
      .mutate({ planetId, clientMessageId: clientId(), content: 'one too many' })
      .then(
        () => null,
        (e: { data?: { httpStatus?: number; app?: { code: string; retryAfterSeconds?: number } } }) => e.data,
      )
    expect(err?.httpStatus).toBe(429)
    expect(err?.app?.code).toBe('MSG004')
    expect(err?.app?.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect(err?.app?.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect(await t.rt.db.message.count({ where: { planetId } })).toBe(LIMITS.messagesPerMinute)
    // A retry of a send that went through is no new send: it still gets its message.
    expect((await client.trpc.messages.send.mutate(first)).content).toBe('message 0')
    // Other users are not affected.
    const other = await travellerIn(t.rt)
    const asOther = await callerFor(t.rt, other.user.id)
    await asOther.messages.send({ planetId: other.planetId, clientMessageId: clientId(), content: 'fine' })
    await client.close()
  })
})

const skip = redisSkipReason()

describe.skipIf(!!skip)(`send rate limit over Redis${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let database: TestDatabase
  let nodes: Awaited<ReturnType<typeof createTestRuntime>>[]
  beforeAll(async () => {
    database = await createTestDatabase()
    nodes = [
      await createTestRuntime({ redis: true, database }),
      await createTestRuntime({ redis: true, database }),
    ]
  })
  afterAll(async () => {
    for (const node of nodes) await node.close()
    await database.drop()
  })

  it('shares one allowance between api nodes', async () => {
    const [a, b] = nodes.map((node) => node.rt) as [Runtime, Runtime]
    const { user, planetId } = await travellerIn(a)
    const callers = [await callerFor(a, user.id), await callerFor(b, user.id)]
    for (let i = 0; i < LIMITS.messagesPerMinute; i++) {
      await callers[i % 2]!.messages.send({ planetId, clientMessageId: clientId(), content: `m ${i}` })
    }
    for (const caller of callers) {
      expect(
        await codeOf(caller.messages.send({ planetId, clientMessageId: clientId(), content: 'no' })),
      ).toBe('MSG004')
    }
    expect(await a.db.message.count({ where: { planetId } })).toBe(LIMITS.messagesPerMinute)
  })

  it('counts only sends that happen: refusals and retries give their point back', async () => {
    const [a, b] = nodes.map((node) => node.rt) as [Runtime, Runtime]
    const { user, planetId } = await travellerIn(a)
    const callers = [await callerFor(a, user.id), await callerFor(b, user.id)]
    const first = { planetId, clientMessageId: clientId(), content: 'first' }
    await callers[0]!.messages.send(first)
    for (let i = 0; i < 10; i++) {
      const caller = callers[i % 2]!
      // A retry of the first send, and a send refused for its unknown reply target.
      expect((await caller.messages.send(first)).content).toBe('first')
      const refused = { planetId, clientMessageId: clientId(), content: 'no', replyToId: 'missing' }
      expect(await codeOf(caller.messages.send(refused))).toBe('MSG001')
    }
    for (let i = 1; i < LIMITS.messagesPerMinute; i++) {
      await callers[i % 2]!.messages.send({ planetId, clientMessageId: clientId(), content: `m ${i}` })
    }
    expect(
      await codeOf(callers[1]!.messages.send({ planetId, clientMessageId: clientId(), content: 'over' })),
    ).toBe('MSG004')
    expect(await a.db.message.count({ where: { planetId } })).toBe(LIMITS.messagesPerMinute)
  })
})
