// countStatements against real Postgres: what it counts, what it reports apart, and that work running
// at the same time outside the measured call is not counted, even when the pool makes callers queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from './harness.ts'
import { countStatements } from './sql-statements.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

describe('countStatements', () => {
  it('returns the result and each statement sent, in order', async () => {
    const { result, statements, transactionControl } = await countStatements(t.rt, async () => {
      const [a] = await t.rt.db.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`
      const users = await t.rt.db.user.findMany({ take: 1 })
      return { n: a?.n, users: users.length }
    })
    expect(result).toEqual({ n: 1, users: 0 })
    expect(statements).toHaveLength(2)
    expect(statements[0]).toMatch(/^SELECT 1::int AS n/)
    expect(statements[1]).toMatch(/FROM "public"\."users"/)
    expect(transactionControl).toEqual([])
  })

  it('counts a Prisma query returned without await (PrismaPromise runs lazily, on then)', async () => {
    const { result, statements } = await countStatements(t.rt, () => t.rt.db.user.count())
    expect(result).toBe(0)
    expect(statements).toHaveLength(1)
  })

  it('counts nothing for a function that does not touch the database', async () => {
    const { result, statements } = await countStatements(t.rt, async () => 42)
    expect(result).toBe(42)
    expect(statements).toEqual([])
  })

  it('reports BEGIN and COMMIT of a transaction apart from its statements', async () => {
    const { statements, transactionControl } = await countStatements(t.rt, () =>
      t.rt.db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`
        await tx.$queryRaw`SELECT 2`
      }),
    )
    expect(statements).toHaveLength(2)
    expect(transactionControl).toEqual(['BEGIN', 'COMMIT'])
  })

  it('reports ROLLBACK when the transaction fails', async () => {
    const { result, transactionControl } = await countStatements(t.rt, () =>
      t.rt.db
        .$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`
          throw new Error('boom')
        })
        .catch((err: Error) => err.message),
    )
    expect(result).toBe('boom')
    expect(transactionControl).toEqual(['BEGIN', 'ROLLBACK'])
  })

  it('does not count concurrent work outside the call, even when callers queue for connections', async () => {
    // The test pool has 5 connections: 20 outside queries plus 3 measured ones make callers wait, and a
    // waiting caller gets its connection from inside someone else's release.
    const outside = Array.from(
      { length: 20 },
      () => t.rt.db.$queryRaw`SELECT pg_sleep(0.02)::text, 'outside'`,
    )
    const measured = countStatements(t.rt, () =>
      Promise.all(
        [1, 2, 3].map((i) => t.rt.db.$queryRawUnsafe(`SELECT ${i} AS inside, pg_sleep(0.01)::text`)),
      ),
    )
    const more = Array.from({ length: 20 }, () => t.rt.db.$queryRaw`SELECT pg_sleep(0.01)::text, 'outside'`)
    const [{ statements }] = await Promise.all([measured, ...outside, ...more])
    expect(statements.sort()).toEqual([1, 2, 3].map((i) => `SELECT ${i} AS inside, pg_sleep(0.01)::text`))
  })
})
