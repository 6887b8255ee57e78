// Embedded Postgres for machines without one: PGlite (WASM Postgres) served on a local port, data kept
// under a folder (or in memory), so pg, Prisma and the migrate wrapper talk to it like to any Postgres.
import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> }

export async function startEmbeddedPostgres({ dataDir, port = 0 }: { dataDir?: string; port?: number } = {}) {
  if (dataDir) await mkdir(dataDir, { recursive: true })
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } })
  // Queries from all connections share one backend, queued per query: callers keep pools at 1 so no
  // two transactions interleave, but the migrate engine and the app may hold a connection each.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 })
  await server.start()
  const conn = server.getServerConn()
  const actualPort = Number(conn.split(':').pop())
  return {
    url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop()
      await db.close()
    },
  } satisfies EmbeddedPostgres
}
