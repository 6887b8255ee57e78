// Every 5 minutes a snapshot of the figures the admin dashboard charts: who is around, message rate,
// sign-ups, notifications delivered and the job queues.
import { z } from 'zod'
import type { Runtime } from '../runtime.ts'
import { defineJob } from './job-definition.ts'

export const STATS_WINDOW_MS = 5 * 60_000
const ACTIVE_WINDOW_MS = 15 * 60_000
const DAY_MS = 24 * 60 * 60_000

/** Online users across nodes with Redis (presence keys); this node's open sockets without. */
async function countOnline(rt: Runtime) {
  if (!rt.redis) return rt.live.size
  let cursor = '0'
  let n = 0
  do {
    const [next, keys] = await rt.redis.scan(cursor, 'MATCH', 'presence:*', 'COUNT', 1000)
    cursor = next
    n += keys.length
  } while (cursor !== '0')
  return n
}

export async function takeStatsSnapshot(rt: Runtime) {
  const now = rt.clock.now()
  const since = (ms: number) => new Date(now.getTime() - ms)
  const [activeUsers, onlineUsers, recentMessages, newUsers, notificationsSent, queues] = await Promise.all([
    rt.db.user.count({ where: { lastSeenAt: { gte: since(ACTIVE_WINDOW_MS) } } }),
    countOnline(rt),
    rt.db.message.count({ where: { createdAt: { gte: since(STATS_WINDOW_MS) } } }),
    rt.db.user.count({ where: { createdAt: { gte: since(DAY_MS) } } }),
    rt.db.notificationDelivery.count({ where: { status: 'SENT', sentAt: { gte: since(STATS_WINDOW_MS) } } }),
    rt.jobs.counts(),
  ])
  return rt.db.statsSnapshot.create({
    data: {
      takenAt: now,
      // lastSeenAt is written when a user goes offline, so someone online for an hour is counted here.
      activeUsers: Math.max(activeUsers, onlineUsers),
      onlineUsers,
      messagesPerMinute: recentMessages / (STATS_WINDOW_MS / 60_000),
      newUsers,
      notificationsSent,
      queues,
    },
  })
}

export const statsJob = defineJob({
  id: 'maintenance.stats',
  queue: 'bulk',
  payload: z.object({}),
  handle: (rt) => takeStatsSnapshot(rt),
})
