// What the server under test spends: CPU and resident memory of its process (pidusage, sampled each
// second), and its event-loop delay from prom-client's default metrics on /metrics.
import { execFileSync } from 'node:child_process'
import pidusage from 'pidusage'

export type ResourceSampler = {
  stop(): Promise<{
    cpuPercent: number
    rssMb: number
    workerCpuPercent: number | null
    postgresCpuPercent: number | null
  }>
}

/** Pids of the local Postgres server's processes (backends included), or [] where pgrep is missing. */
function postgresPids() {
  try {
    return execFileSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

export function sampleResources(pid: number, workerPid?: number, everyMs = 1000): ResourceSampler {
  const cpu: number[] = []
  const workerCpu: number[] = []
  const pgCpu: number[] = []
  let rss = 0
  const sample = async () => {
    try {
      const stat = await pidusage(pid)
      cpu.push(stat.cpu)
      rss = Math.max(rss, stat.memory)
      if (workerPid) workerCpu.push((await pidusage(workerPid)).cpu)
    } catch {
      // The process is gone; the run reports what it has.
    }
    const pg = postgresPids()
    if (pg.length) {
      const stats = await pidusage(pg).catch(() => ({}) as Record<string, { cpu: number }>)
      pgCpu.push(Object.values(stats).reduce((sum, s) => sum + (s?.cpu ?? 0), 0))
    }
  }
  void sample()
  const timer = setInterval(() => void sample(), everyMs)
  return {
    async stop() {
      clearInterval(timer)
      await sample()
      // The first sample only sets pidusage's baseline for this pid.
      const steady = cpu.length > 1 ? cpu.slice(1) : cpu
      const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length))
      const pgSteady = pgCpu.length > 1 ? pgCpu.slice(1) : pgCpu
      return {
        cpuPercent: avg(steady),
        rssMb: Math.round(rss / 1024 / 1024),
        workerCpuPercent: workerCpu.length > 1 ? avg(workerCpu.slice(1)) : null,
        postgresCpuPercent: pgSteady.length ? avg(pgSteady) : null,
      }
    },
  }
}

/**
 * The p99 event-loop delay in ms since the previous scrape: prom-client resets its event-loop
 * histogram on every collection, so scraping at a step's start and end brackets the step.
 */
export async function scrapeEventLoopDelay(metricsUrl: string) {
  const text = await (await fetch(metricsUrl)).text()
  const line = text.split('\n').find((l) => l.startsWith('nodejs_eventloop_lag_p99_seconds'))
  const seconds = line ? Number(line.split(' ').at(-1)) : Number.NaN
  return Number.isFinite(seconds) ? Math.round(seconds * 100_000) / 100 : null
}
