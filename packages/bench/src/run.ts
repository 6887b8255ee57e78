// `pnpm --filter @connecto/bench bench [--quick] [--cpu-prof] [--only=api|baseline] [--no-redis] [--http-sends] [--steps=500,1000]`
// Seeds a fresh database, starts the real api (child process, real Postgres and Redis) and drives it
// with real WebSocket clients at stepped open-loop rates; then does the same against the bare ws + pg
// baseline, and prints both side by side with each one's knee.
import { execSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { kneeOf, LoadRun, type StepResult } from './load.ts'
import { type ServerProcess, startApiProcess, startBaselineProcess } from './processes.ts'
import { formatTable } from './report.ts'
import { createScenario, HISTORY_PER_PLANET, REDIS_URL, type Scenario } from './scenario.ts'
import { apiTarget, baselineTarget, type Target } from './targets.ts'

const args = new Set(process.argv.slice(2))
const quick = args.has('--quick')
const only = [...args].find((a) => a.startsWith('--only='))?.slice(7)
const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results')

const stepsArg = [...args].find((a) => a.startsWith('--steps='))?.slice(8)
const defaultPlan = quick
  ? { clients: 200, planetSize: 10, steps: [100, 500, 1000], seconds: 5 }
  : { clients: 1000, planetSize: 10, steps: [100, 250, 500, 1000, 2000, 4000], seconds: 10 }
/** `--steps=`: other offered rates, to look at one region closely (profiling); the report's knee is still theirs. */
const plan = stepsArg ? { ...defaultPlan, steps: stepsArg.split(',').map(Number) } : defaultPlan

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

async function measure(target: Target, scenario: Scenario) {
  const run = new LoadRun(target, scenario.clients)
  const started = Date.now()
  await run.connect()
  console.log(`[${target.name}] ${scenario.clients.length} clients connected in ${Date.now() - started} ms`)
  await run.step(50, 2) // warm-up (JIT, pools), not reported
  const results: StepResult[] = []
  let failuresInARow = 0
  for (const rate of plan.steps) {
    // Between steps, not during them: autovacuum's work on a deployed database, here on demand.
    await scenario.upkeep()
    const r = await run.step(rate, plan.seconds)
    results.push(r)
    console.log(
      `[${target.name}] ${rate} msg/s: p99 ${r.p99Ms} ms, lost ${r.lost}/${r.expected}, send errors ${r.sendErrors}, cpu ${r.apiCpuPercent}%`,
    )
    failuresInARow = r.p99Ms >= 100 || r.lost > 0 ? failuresInARow + 1 : 0
    // Two failing steps in a row: higher rates only queue up more work and tell nothing new.
    if (failuresInARow >= 2) break
    await new Promise((r) => setTimeout(r, 1000))
  }
  run.close()
  return results
}

async function withServer<T>(start: () => Promise<ServerProcess>, work: (s: ServerProcess) => Promise<T>) {
  const server = await start()
  try {
    return await work(server)
  } finally {
    await server.stop()
  }
}

async function main() {
  console.log(
    `connecto bench${quick ? ' (quick)' : ''}: ${plan.clients} clients in planets of ${plan.planetSize}, steps ${plan.steps.join(' → ')} msg/s × ${plan.seconds} s`,
  )
  console.log(`machine: ${os.cpus().length} cores, load average ${load()} (shared with other work)`)
  const scenario = await createScenario(plan)
  console.log(
    `seeded ${scenario.clients.length} users in ${scenario.clients.length / plan.planetSize} planets of ${HISTORY_PER_PLANET} messages each`,
  )
  const cpuProfDir = args.has('--cpu-prof') ? path.join(resultsDir, `cpu-${Date.now()}`) : undefined
  const all: StepResult[] = []
  try {
    if (only !== 'baseline') {
      const api = await withServer(
        () =>
          startApiProcess({ ...scenario, redisUrl: args.has('--no-redis') ? null : REDIS_URL, cpuProfDir }),
        // --http-sends: sends go over HTTP, as the client SDK's do while its socket is down.
        (server) => measure(apiTarget(server, args.has('--http-sends') ? 'http' : 'ws'), scenario),
      )
      all.push(...api)
    }
    if (only !== 'api') {
      all.push(
        ...(await withServer(
          () => startBaselineProcess(scenario),
          (s) => measure(baselineTarget(s), scenario),
        )),
      )
    }
  } finally {
    await scenario.drop()
  }
  const knees = Object.fromEntries(
    [...new Set(all.map((r) => r.target))].map((t) => [t, kneeOf(all.filter((r) => r.target === t))]),
  )
  console.log(`\n${formatTable(all)}\n`)
  for (const [target, knee] of Object.entries(knees)) console.log(`knee (${target}): ${knee} msg/s`)
  const ours = knees['connecto api']
  const base = knees['bare ws+pg']
  if (ours !== undefined && base !== undefined) {
    const ratio = base > 0 ? ours / base : 0
    const ok = ours >= 1000 && ratio >= 0.5
    console.log(
      `target (knee ≥ 1000 msg/s and ≥ 0.5 × baseline): ${ok ? 'MET' : 'NOT MET'} (ratio ${ratio.toFixed(2)})`,
    )
  }
  console.log(`load average at the end: ${load()}`)
  if (cpuProfDir) console.log(`api CPU profile: ${cpuProfDir}`)
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(
    resultsDir,
    `${quick ? 'quick' : 'full'}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  )
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()
    } catch {
      return null
    }
  })()
  writeFileSync(file, JSON.stringify({ plan, commit, knees, results: all }, null, 2))
  console.log(`results: ${file}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
