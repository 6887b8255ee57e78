// Raw SQL straight on the pg pool, for the few statements a chat message runs (the send path's two):
// measured, Prisma's $queryRaw costs ~80 µs of CPU per call on top of pg's ~45 µs, which at a thousand
// messages a second is a tenth of a core. Same SQL (Prisma.sql templates), same prepared-statement reuse
// (a fixed name per statement), and timestamps read as Prisma reads them (columns without a zone are UTC).
import pg from 'pg'
import type { Db } from './client.ts'
import type { Prisma } from './generated/prisma/client.ts'

const TIMESTAMP = 1114
const TIMESTAMP_ARRAY = 1115
const TEXT_ARRAY = 1009
const parseUtc = (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
const parseTimestampArray = (value: string) =>
  (pg.types.getTypeParser(TEXT_ARRAY as never) as (v: string) => (string | null)[])(value).map((v) =>
    v === null ? null : parseUtc(v),
  )

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP) return parseUtc
    if (oid === TIMESTAMP_ARRAY) return parseTimestampArray
    return pg.types.getTypeParser(oid, format)
  }) as pg.CustomTypesConfig['getTypeParser'],
}

/**
 * Runs `sql` on the client's pool under the prepared-statement `name` (one per statement text), or
 * unnamed where the client has prepared statements off.
 * Not for transactions: inside one, use the transaction client.
 */
export async function rawRows<T>(db: Db, name: string, sql: Prisma.Sql): Promise<T[]> {
  const result = await db.$pool.query({
    ...(db.$preparedStatements ? { name } : {}),
    text: sql.text,
    values: sql.values as unknown[],
    types,
  })
  return result.rows as T[]
}
