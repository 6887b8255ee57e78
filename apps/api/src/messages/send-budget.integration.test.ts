// The send path's SQL budget, counted in the pg driver: a send with its access check, idempotency
// lookup, reply target and mentions is 2 statements, 3 with the caller lookup of every protected call, opens no transaction and updates the
// planet row once; a retry inserts nothing.
import { ZSendMessageInput } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { countStatements } from '../../test/sql-statements.ts'
import { clientId, messageFixtures } from './message-fixtures.ts'
import { sendMessage } from './messages.service.ts'
import { sendContextsStatement } from './send-statements.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

describe('send statement budget', () => {
  it('sends in 2 statements without a transaction, bumping the planet row once', async () => {
    const f = messageFixtures(t.rt)
    const s = await f.setup()
    const original = await f.say(s.as.other, s.general.id, 'warm-up')
    const input = ZSendMessageInput.parse({
      planetId: s.general.id,
      clientMessageId: clientId(),
      content: `@other_${s.tag} see above`,
      replyToId: original.id,
    })
    const send = () => sendMessage(t.rt, s.users.part.id, input)
    const { result, statements, transactionControl } = await countStatements(t.rt, send)
    expect(result).toMatchObject({ replyTo: { id: original.id }, mentions: [s.users.other.id] })
    expect(statements).toHaveLength(2)
    expect(transactionControl).toEqual([])
    expect(statements.filter((q) => /UPDATE planets/i.test(q))).toHaveLength(1)

    const retry = await countStatements(t.rt, send)
    expect(retry.result.id).toBe(result.id)
    expect(retry.statements.some((q) => /INSERT|UPDATE/i.test(q))).toBe(false)

    // Through the router the auth middleware's caller lookup (one joined statement) comes on top.
    const viaRouter = await countStatements(t.rt, () =>
      s.as.part.messages.send({ planetId: s.general.id, clientMessageId: clientId(), content: 'plain' }),
    )
    console.log(`messages.send through the router: ${viaRouter.statements.length} statements`)
    expect(viaRouter.statements).toHaveLength(3)
    expect(viaRouter.statements[0]).toMatch(/FROM users u LEFT JOIN profiles/)
  })

  it('shares the two statements between concurrent sends, keeping each planet gapless and in order', async () => {
    const f = messageFixtures(t.rt)
    const s = await f.setup()
    const senders = [s.as.host, s.as.mod, s.as.part, s.as.other]
    const planets = [s.general.id, s.announcements.id]
    const sends = Array.from({ length: 40 }, (_, i) => ({
      caller: i % 2 === 1 ? s.as.host : senders[i % senders.length]!,
      planetId: planets[i % 2]!,
      content: `together ${i}`,
    }))
    const { result, statements: all } = await countStatements(t.rt, () =>
      Promise.all(
        sends.map((x) =>
          x.caller.messages.send({ planetId: x.planetId, clientMessageId: clientId(), content: x.content }),
        ),
      ),
    )
    // Each call's caller lookup aside (over WebSocket it is cached per socket), 40 sends alone take 80.
    const statements = all.filter((q) => !/FROM users u LEFT JOIN profiles/.test(q))
    console.log(`40 concurrent sends: ${statements.length} statements`)
    expect(result).toHaveLength(40)
    expect(statements.length).toBeLessThanOrEqual(12)
    for (const planetId of planets) {
      const events = await f.eventsOf(planetId)
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      const contents = events.map((e) => (e.message as { content: string }).content)
      // Per planet, events follow the order the sends were accepted: each sender's own in its order.
      expect(new Set(contents).size).toBe(20)
    }
  })

  it('keeps one generic plan for the context statement, whatever the batch size', async () => {
    // Planning its joins costs many times its execution, so a plan made afresh per call would dominate.
    const f = messageFixtures(t.rt)
    const s = await f.setup()
    const client = await t.rt.db.$pool.connect()
    try {
      for (let size = 1; size <= 12; size++) {
        const inputs = Array.from({ length: size }, (_, i) => ({
          senderId: s.users.part.id,
          planetId: i % 2 ? s.general.id : s.announcements.id,
          clientMessageId: clientId(),
          mentionNames: i % 3 ? [] : [`other_${s.tag}`],
        }))
        const sql = sendContextsStatement(inputs)
        const { rows } = await client.query({ name: 'contexts_probe', text: sql.text, values: sql.values })
        expect(rows).toHaveLength(size)
      }
      const { rows } = await client.query(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom
           FROM pg_prepared_statements WHERE name = 'contexts_probe'`,
      )
      // Postgres tries 5 custom plans before it compares them with the generic one.
      expect(rows[0]).toEqual({ generic: 7, custom: 5 })
    } finally {
      await client.query('DEALLOCATE contexts_probe').catch(() => {})
      client.release()
    }
  })
})
