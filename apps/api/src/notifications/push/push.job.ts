// The push job for one notification: skipped when already read, when the user is looking at that planet,
// or has no devices; deferred inside quiet hours; retried on transport errors; FAILED after the last try.
import { z } from 'zod'
import { defineJob } from '../../jobs/job-definition.ts'
import type { Runtime } from '../../runtime.ts'
import { markDelivery } from '../deliveries.ts'
import { usersLookingAt } from '../focus.ts'
import { unreadCount } from '../notification-view.ts'
import { loadPreferences } from '../preferences.ts'
import { quietHoursEnd } from '../quiet-hours.ts'
import { deepLinkData, pushToUser } from './send-push.ts'

const ZPayload = z.object({ notificationId: z.string().min(1) })

async function sendNotificationPush(rt: Runtime, { notificationId }: z.infer<typeof ZPayload>) {
  const n = await rt.db.notification.findUnique({
    where: { id: notificationId },
    include: { deliveries: { where: { channel: 'PUSH' } } },
  })
  const delivery = n?.deliveries[0]
  if (!n || !delivery || delivery.status !== 'PENDING') return 'not-pending'
  const skip = (reason: string) => markDelivery(rt, n.id, 'PUSH', { status: 'SKIPPED', lastError: reason })
  if (n.readAt) return skip('read before the push went out')
  const data = (n.data ?? {}) as { travelId?: string; planetId?: string; messageId?: string }
  if (data.planetId && (await usersLookingAt(rt, data.planetId, [n.userId])).has(n.userId)) {
    return skip('user is looking at the planet')
  }
  const prefs = (await loadPreferences(rt, [n.userId]))(n.userId)
  const quietUntil = quietHoursEnd(rt.clock.now(), prefs.quietHours)
  if (quietUntil) return markDelivery(rt, n.id, 'PUSH', { deferredUntil: quietUntil })

  const outcome = await pushToUser(rt, n.userId, {
    title: n.title,
    body: n.body,
    badge: await unreadCount(rt, n.userId),
    data: deepLinkData({ notificationId: n.id, type: n.type, ...data }),
    collapseKey: n.groupKey ?? undefined,
  })
  if (!outcome) return skip('no registered devices')
  if (outcome.sent === 0 && outcome.failed > outcome.removedTokens) {
    await markDelivery(rt, n.id, 'PUSH', { attempts: { increment: 1 }, lastError: outcome.errors.join('; ') })
    throw new Error(`push failed on every device: ${outcome.errors.join('; ')}`)
  }
  return markDelivery(rt, n.id, 'PUSH', {
    status: outcome.sent > 0 ? 'SENT' : 'SKIPPED',
    sentAt: rt.clock.now(),
    attempts: { increment: 1 },
    lastError: outcome.sent > 0 ? null : 'every device token was invalid and was removed',
  })
}

export const sendPushJob = defineJob({
  id: 'notification.push',
  queue: 'critical',
  priority: 1,
  payload: ZPayload,
  handle: sendNotificationPush,
  async onDeadLetter(rt, { notificationId }, error) {
    await markDelivery(rt, notificationId, 'PUSH', { status: 'FAILED', lastError: error.message })
  },
})
