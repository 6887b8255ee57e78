// The send path's SQL budget, counted in the pg driver: a send with its access check, idempotency
// lookup, reply target and mentions is 2 statements, 3 with the caller lookup of every protected call, opens no transaction and updates the
// planet row once; a retry inserts nothing.
import { ZSendMessageInput } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { countStatements } from '../../test/sql-statements.ts'
import { clientId, messageFixtures } from './message-fixtures.ts'
import { sendMessage } from './messages.service.ts'

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
})
