// Queue health for /health/detailed and the admin dashboard: counts per queue and the latest dead letters.
import type { Runtime } from '../runtime.ts'

export async function queueStats(rt: Runtime, { deadLetterLimit = 20 }: { deadLetterLimit?: number } = {}) {
  const [queues, deadLetters] = await Promise.all([rt.jobs.counts(), rt.jobs.deadLetters(deadLetterLimit)])
  return { mode: rt.jobs.kind, workers: rt.jobs.started, queues, deadLetters }
}

/** The latest statistics snapshots, newest first, for the admin dashboard. */
export function latestStatsSnapshots(rt: Runtime, limit = 288) {
  return rt.db.statsSnapshot.findMany({ orderBy: { takenAt: 'desc' }, take: limit })
}

/** Admin action: every dead-lettered job back in its queue with fresh attempts; returns how many. */
export function retryDeadLetters(rt: Runtime) {
  return rt.jobs.retryDeadLetters()
}
