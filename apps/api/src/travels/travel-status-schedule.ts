// Runs refreshTravelStatuses on a timer in each api node. Runs are idempotent, so several nodes doing it
// at once only repeat work; a run never overlaps the previous one on the same node.
import type { Runtime } from '../runtime.ts'
import { refreshTravelStatuses } from './travel-status.service.ts'

/** Starts at once and then every `everyMs`; the returned stop waits for a run in progress. */
export function startTravelStatusSchedule(rt: Runtime, { everyMs = 5 * 60_000 }: { everyMs?: number } = {}) {
  let running: Promise<void> | null = null
  const run = () => {
    if (running) return
    running = refreshTravelStatuses(rt, rt.clock.now())
      .then((counts) => {
        if (counts.PLANNING + counts.ACTIVE + counts.ENDED > 0) {
          rt.logger.info({ counts }, 'travel statuses refreshed')
        }
      })
      .catch((err: unknown) => rt.logger.error({ err }, 'travel status refresh failed'))
      .finally(() => {
        running = null
      })
  }
  run()
  const timer = setInterval(run, everyMs)
  timer.unref()
  return async function stop() {
    clearInterval(timer)
    await running
  }
}
