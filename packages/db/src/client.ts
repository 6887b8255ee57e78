// One place that builds the Prisma client: the pg driver adapter, no native engine.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from './generated/prisma/client.ts'
import { createStatementNamer } from './statement-names.ts'

export type CreateDbOptions = {
  databaseUrl: string
  /** Pool size. Embedded PGlite serialises queries per connection, so it runs with 1. */
  poolSize?: number
}

export function createDb({ databaseUrl, poolSize = 10 }: CreateDbOptions) {
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max: poolSize },
    { statementNameGenerator: createStatementNamer() },
  )
  return new PrismaClient({ adapter })
}

export type Db = ReturnType<typeof createDb>
/** A transaction client, for services that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
/** Either the client or a transaction: what services accept. */
export type DbOrTx = Db | Tx
