// A job-only process: `pnpm --filter @connecto/api worker`. Runs the same handlers as the api's embedded
// workers; start the api with API_ROLE=api to leave all job processing to processes like this one.
import { ConfigError, parseConfig } from './config/config.ts'
import { startJobWorkers } from './jobs/start-jobs.ts'
import { createRuntime } from './runtime.ts'

async function main() {
  const config = parseConfig(process.env)
  const missing = [
    ...(config.databaseUrl
      ? []
      : [{ variable: 'DATABASE_URL', message: 'is required for a separate worker' }]),
    ...(config.redisUrl ? [] : [{ variable: 'REDIS_URL', message: 'is required for a separate worker' }]),
  ]
  if (missing.length) throw new ConfigError(missing)
  const rt = await createRuntime({ ...config, databaseUrl: config.databaseUrl! })
  // Signal handlers first: workers take jobs while start-up still registers schedules, and a SIGTERM in
  // that window must still shut down cleanly.
  let stop: (() => Promise<void>) | null = null
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    rt.logger.info({ signal }, 'worker shutting down')
    const timer = setTimeout(() => process.exit(1), 10_000)
    await stop?.()
    await rt.close()
    clearTimeout(timer)
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  stop = await startJobWorkers(rt)
  if (stopping) await stop()
  rt.logger.info({ prefix: config.queuePrefix ?? 'from database name' }, 'worker running')
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err)
  process.exit(1)
})
