// Starts an api node from an environment: embedded Postgres when DATABASE_URL is unset, migrations,
// optional demo seed, then the server. Used by main.ts and by tests that need a real running node.
import path from 'node:path'
import { startEmbeddedPostgres } from '@connecto/db/embedded'
import { deployMigrations } from '@connecto/db/migrate'
import { DEMO_ACCOUNTS, seedDemo } from '@connecto/db/seed'
import { parseConfig } from './config/config.ts'
import { runsWorkers, startJobWorkers } from './jobs/start-jobs.ts'
import { createRuntime, type RuntimeOverrides } from './runtime.ts'
import { createApiServer } from './server.ts'

export async function startApi(env: Record<string, string | undefined>, overrides: RuntimeOverrides = {}) {
  const config = parseConfig(env)
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: path.resolve(config.dataDir, 'pglite') })
  const databaseUrl = config.databaseUrl ?? embedded!.url
  // Embedded PGlite runs one query at a time; a single connection keeps transactions from interleaving.
  // Its connections share one session, so a prepared statement would outlive the connection that made it.
  const rt = await createRuntime(
    {
      ...config,
      databaseUrl,
      databasePoolSize: embedded ? 1 : config.databasePoolSize,
      databaseSharedSession: !!embedded,
    },
    overrides,
  )
  const applied = await deployMigrations(databaseUrl)
  if (applied.length) rt.logger.info({ applied }, 'migrations applied')
  const seeded = config.seedDemo ? await seedDemo(rt.db) : false
  if (seeded) rt.logger.info('demo data seeded')

  const api = createApiServer(rt, { embeddedDatabase: !!embedded })
  const port = await api.listen(config.port, config.host)
  rt.logger.info(
    { port, database: embedded ? 'embedded-pglite' : 'postgres', bus: rt.bus.kind },
    'api listening',
  )
  // Travel status, cleanup, statistics and deferred deliveries run as scheduled jobs on the workers.
  const stopWorkers = runsWorkers(rt) ? await startJobWorkers(rt) : null

  return {
    rt,
    port,
    url: `http://127.0.0.1:${port}`,
    embedded: !!embedded,
    demoAccounts: config.seedDemo ? DEMO_ACCOUNTS : [],
    async stop() {
      await stopWorkers?.()
      await api.close()
      await rt.close()
      await embedded?.stop()
    },
  }
}
