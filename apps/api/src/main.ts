// The api process: `pnpm --filter @connecto/api start`. A bad config stops it here, naming the variable.
import { startApi } from './bootstrap.ts'
import { ConfigError } from './config/config.ts'

async function main() {
  const node = await startApi(process.env)
  if (node.demoAccounts.length) {
    const lines = node.demoAccounts.map(
      (a) => `  ${a.role.padEnd(6)} ${a.email.padEnd(26)} password: ${a.password}`,
    )
    console.log(`\nConnecto api on http://localhost:${node.port}  (demo accounts)\n${lines.join('\n')}\n`)
  }
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    node.rt.logger.info({ signal }, 'shutting down')
    const timer = setTimeout(() => process.exit(1), 10_000)
    await node.stop()
    clearTimeout(timer)
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message)
  } else {
    console.error(err)
  }
  process.exit(1)
})
