// Starts this process's job workers and registers the schedules (once per queue prefix, whoever calls).
import { closeTransports } from '../notifications/transports.ts'
import type { Runtime } from '../runtime.ts'
import { JOB_DEFINITIONS, SCHEDULES } from './registry.ts'

/** Whether this process runs workers: the api does unless API_ROLE=api; embedded mode always does. */
export function runsWorkers(rt: Runtime) {
  if (rt.config.role !== 'api') return true
  if (rt.jobs.kind === 'memory') {
    rt.logger.warn(
      'API_ROLE=api without REDIS_URL: no separate worker can reach in-process jobs; running them here',
    )
    return true
  }
  return false
}

export async function startJobWorkers(rt: Runtime) {
  await rt.jobs.start(rt, JOB_DEFINITIONS, SCHEDULES)
  rt.logger.info({ mode: rt.jobs.kind, schedules: SCHEDULES.map((s) => s.id) }, 'job workers started')
  return async function stop() {
    await rt.jobs.close()
    await closeTransports(rt)
  }
}
