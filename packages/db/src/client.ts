// One place that builds the Prisma client: the pg driver adapter, no native engine. The adapter runs on
// a pool made here, which `rawRows` (raw-rows.ts) shares for the few hot statements that skip Prisma.
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from './generated/prisma/client.ts'
import { createStatementNamer } from './statement-names.ts'

export type CreateDbOptions = {
  databaseUrl: string
  /** Pool size. Embedded PGlite serialises queries per connection, so it runs with 1. */
  poolSize?: number
  /**
   * Named prepared statements (parsed and planned once per connection). Off where every connection is
   * the same session (embedded PGlite): a statement would outlive the connection that prepared it.
   */
  preparedStatements?: boolean
  /** An idle connection died (a restart, a dropped database): the pool replaces it on the next query. */
  onIdleConnectionError?: (err: Error) => void
}

export function createDb({
  databaseUrl,
  poolSize = 10,
  preparedStatements = true,
  onIdleConnectionError,
}: CreateDbOptions) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize })
  // Without a listener, an idle connection's error would be an uncaught 'error' event.
  pool.on('error', (err) => onIdleConnectionError?.(err))
  const adapter = new PrismaPg(
    pool,
    preparedStatements ? { statementNameGenerator: createStatementNamer() } : {},
  )
  const client = new PrismaClient({ adapter })
  const disconnect = client.$disconnect.bind(client)
  return Object.assign(client, {
    $pool: pool,
    $preparedStatements: preparedStatements,
    /** Prisma lets go of the pool; the pool, which raw statements may have used alone, is ended here. */
    async $disconnect() {
      await disconnect()
      if (!pool.ending) await pool.end()
    },
  })
}

export type Db = ReturnType<typeof createDb>
/** A transaction client, for services that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
/** Either the client or a transaction: what services accept. */
export type DbOrTx = Db | Tx
