// Daily clean-up: old notifications, abandoned uploads, expired sessions, stale device tokens and old
// statistics snapshots. Each step is idempotent, so a retried or repeated run only finds less to do.
import { z } from 'zod'
import { cleanupAbandonedUploads } from '../files/uploads.service.ts'
import type { Runtime } from '../runtime.ts'
import { defineJob } from './job-definition.ts'

const DAY_MS = 24 * 60 * 60 * 1000
export const RETENTION = {
  notificationsDays: 30,
  abandonedUploadsDays: 7,
  /** FCM treats a token unused for 270 days as stale; ours are refreshed on every sign-in. */
  deviceTokensDays: 270,
  revokedSessionsDays: 30,
  statsSnapshotsDays: 30,
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS)

export async function runDailyCleanup(rt: Runtime) {
  const now = rt.clock.now()
  const notifications = await rt.db.notification.deleteMany({
    where: { createdAt: { lt: daysAgo(now, RETENTION.notificationsDays) } },
  })
  const uploads = await cleanupAbandonedUploads(rt, daysAgo(now, RETENTION.abandonedUploadsDays))
  const sessions = await rt.db.session.deleteMany({
    where: {
      OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: daysAgo(now, RETENTION.revokedSessionsDays) } }],
    },
  })
  const devices = await rt.db.device.deleteMany({
    where: { lastSeenAt: { lt: daysAgo(now, RETENTION.deviceTokensDays) } },
  })
  const snapshots = await rt.db.statsSnapshot.deleteMany({
    where: { takenAt: { lt: daysAgo(now, RETENTION.statsSnapshotsDays) } },
  })
  const removed = {
    notifications: notifications.count,
    abandonedUploads: uploads.aborted,
    sessions: sessions.count,
    devices: devices.count,
    statsSnapshots: snapshots.count,
  }
  rt.logger.info({ removed }, 'daily cleanup done')
  return removed
}

export const cleanupJob = defineJob({
  id: 'maintenance.cleanup',
  queue: 'bulk',
  payload: z.object({}),
  handle: (rt) => runDailyCleanup(rt),
})
