// Raw statements on the pool: rows as Prisma would read them, and prepared statements only where each
// connection is its own session (embedded PGlite shares one: a name would outlive its connection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from './client.ts'
import { startEmbeddedPostgres } from './embedded.ts'
import { Prisma } from './generated/prisma/client.ts'
import { rawRows } from './raw-rows.ts'

let url: string
let stop: () => Promise<void>
beforeAll(async () => {
  const pglite = await startEmbeddedPostgres()
  url = pglite.url
  stop = pglite.stop
}, 120_000)
afterAll(() => stop?.())

const sample = Prisma.sql`SELECT ${'2026-11-23 10:00:00.123'}::timestamp(3) AS at, ${['a', 'b']}::text[] AS tags,
  ${2}::int AS n, NULL::timestamp AS never`

describe('rawRows', () => {
  it('reads timestamps without a zone as UTC, arrays and numbers as Prisma does', async () => {
    const db = createDb({ databaseUrl: url, poolSize: 1, preparedStatements: false })
    try {
      const [row] = await rawRows<{ at: Date; tags: string[]; n: number; never: null }>(db, 'sample', sample)
      expect(row).toEqual({ at: new Date('2026-11-23T10:00:00.123Z'), tags: ['a', 'b'], n: 2, never: null })
    } finally {
      await db.$disconnect()
    }
  })

  it('with connections sharing one session, names no statement, so a new connection can run it again', async () => {
    const first = createDb({ databaseUrl: url, poolSize: 1, preparedStatements: false })
    const second = createDb({ databaseUrl: url, poolSize: 1, preparedStatements: false })
    try {
      await rawRows(first, 'sample', sample)
      await expect(rawRows(second, 'sample', sample)).resolves.toHaveLength(1)

      // What named statements would do there: the second connection's prepare collides.
      const named = [
        createDb({ databaseUrl: url, poolSize: 1 }),
        createDb({ databaseUrl: url, poolSize: 1 }),
      ] as const
      try {
        await rawRows(named[0], 'sample_named', sample)
        await expect(rawRows(named[1], 'sample_named', sample)).rejects.toMatchObject({ code: '42P05' })
      } finally {
        await Promise.all(named.map((db) => db.$disconnect()))
      }
    } finally {
      await Promise.all([first.$disconnect(), second.$disconnect()])
    }
  })
})
