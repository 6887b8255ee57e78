// Creates (or, for a burst, merges into) one user's notification with a delivery record per channel,
// then delivers what is due now: the in-app record, the live event with the unread count, and a push job.
// Mail always waits (digest); push and mail inside quiet hours wait for the summary after them.
import type { NotificationChannel, NotificationType } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import { lockKey, markDelivery } from './deliveries.ts'
import { publishNotificationEvent, toNotificationView, unreadCount } from './notification-view.ts'
import { CHANNELS, channelsFor, loadPreferences, type Preferences } from './preferences.ts'
import { sendPushJob } from './push/push.job.ts'
import { quietHoursEnd } from './quiet-hours.ts'

export type NotificationData = { travelId?: string; planetId?: string; messageId?: string }

export type NewNotification = {
  userId: string
  type: NotificationType
  title: string
  body: string
  data: NotificationData
  /** Unread notifications with the same key merge; `coalesce` words the merged one from its new count. */
  groupKey?: string
  coalesce?: (count: number) => { title: string; body: string }
}

const MAX_DEBOUNCE_MS = 60_000
/** A fan-out runs many short transactions at once; waiting a little longer for a connection beats failing. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 }

type Outcome = { notificationId: string; merged: boolean } | null

export type DeliveryPlan = {
  channels: Set<NotificationChannel>
  quietUntil: Date | null
  /** Online users get the live event right after commit, so their WEBSOCKET record starts as SENT. */
  online: boolean
  state: (channel: NotificationChannel) => {
    status: 'SENT' | 'PENDING' | 'SKIPPED'
    sentAt: Date | null
    deferredUntil: Date | null
    lastError: string | null
    attempts: number
  }
}

/** Which channels a notification goes to now, which wait (digest, quiet hours), which are off. */
export function planDeliveries(
  rt: Runtime,
  prefs: Preferences,
  type: NotificationType,
  online: boolean,
): DeliveryPlan {
  const channels = channelsFor(prefs, type)
  const now = rt.clock.now()
  const quietUntil = quietHoursEnd(now, prefs.quietHours)
  const digestAt = new Date(now.getTime() + rt.config.notifications.emailDigestMinutes * 60_000)
  const deferred: Partial<Record<NotificationChannel, Date>> = {
    EMAIL: quietUntil && quietUntil > digestAt ? quietUntil : digestAt,
    ...(quietUntil ? { PUSH: quietUntil } : {}),
  }
  const skipped = (lastError: string) =>
    ({ status: 'SKIPPED', sentAt: null, deferredUntil: null, lastError, attempts: 0 }) as const
  return {
    channels,
    quietUntil,
    online,
    state: (channel) => {
      if (!channels.has(channel)) return skipped('turned off in preferences')
      if (channel === 'WEBSOCKET' && !online) return skipped('offline')
      const immediate = channel === 'IN_APP' || channel === 'WEBSOCKET'
      return {
        status: immediate ? 'SENT' : 'PENDING',
        sentAt: immediate ? now : null,
        deferredUntil: deferred[channel] ?? null,
        lastError: null,
        attempts: immediate ? 1 : 0,
      }
    },
  }
}

const isOnline = async (rt: Runtime, userId: string) => (await rt.presence.isOnline([userId])).has(userId)

/** `online`: whether the user holds a live connection, when the caller already asked for many at once. */
export async function createNotification(
  rt: Runtime,
  prefs: Preferences,
  n: NewNotification,
  { online }: { online?: boolean } = {},
): Promise<Outcome> {
  const plan = planDeliveries(rt, prefs, n.type, online ?? (await isOnline(rt, n.userId)))
  if (!plan.channels.size) return null
  const now = rt.clock.now()
  const result = await rt.db.$transaction(async (tx) => {
    // Fan-out jobs run in parallel (and on several workers): serialize merges into the same group.
    if (n.groupKey) await lockKey(tx, `group:${n.userId}:${n.groupKey}`)
    const existing = n.groupKey
      ? await tx.notification.findFirst({
          where: { userId: n.userId, groupKey: n.groupKey, readAt: null },
          orderBy: { createdAt: 'desc' },
        })
      : null
    if (existing && n.coalesce) {
      const count = existing.count + 1
      const notification = await tx.notification.update({
        where: { id: existing.id },
        data: { count, ...n.coalesce(count), data: n.data },
      })
      // A merged burst is one notification again due on every channel that is on.
      for (const channel of CHANNELS) {
        if (!plan.channels.has(channel) || channel === 'IN_APP') continue
        await tx.notificationDelivery.upsert({
          where: { notificationId_channel: { notificationId: existing.id, channel } },
          create: { notificationId: existing.id, channel, ...plan.state(channel) },
          update: plan.state(channel),
        })
      }
      return { notification, merged: true }
    }
    const notification = await tx.notification.create({
      data: {
        userId: n.userId,
        type: n.type,
        title: n.title,
        body: n.body,
        data: n.data,
        groupKey: n.groupKey ?? null,
        createdAt: now,
        deliveries: { create: CHANNELS.map((channel) => ({ channel, ...plan.state(channel) })) },
      },
    })
    return { notification, merged: false }
  }, TX_OPTIONS)
  await dispatch(rt, plan, result.notification)
  return { notificationId: result.notification.id, merged: result.merged }
}

/**
 * Delivers a notification another service already wrote in its own transaction (a ban, a mute), so
 * the in-app row commits with the action; runs once: a notification with delivery records is skipped.
 */
export async function deliverExistingNotification(rt: Runtime, notificationId: string) {
  const notification = await rt.db.notification.findUnique({
    where: { id: notificationId },
    include: { _count: { select: { deliveries: true } } },
  })
  if (!notification || notification._count.deliveries > 0) return null
  const prefs = (await loadPreferences(rt, [notification.userId]))(notification.userId)
  const plan = planDeliveries(rt, prefs, notification.type, await isOnline(rt, notification.userId))
  // The row exists whatever the preferences say; without IN_APP every channel is off.
  const state = (channel: NotificationChannel) =>
    channel === 'IN_APP'
      ? { status: 'SENT' as const, sentAt: rt.clock.now(), deferredUntil: null, lastError: null, attempts: 1 }
      : plan.state(channel)
  const claimed = await rt.db.$transaction(async (tx) => {
    await lockKey(tx, `deliver:${notificationId}`)
    if (await tx.notificationDelivery.count({ where: { notificationId } })) return false
    await tx.notificationDelivery.createMany({
      data: CHANNELS.map((channel) => ({ notificationId, channel, ...state(channel) })),
    })
    return true
  }, TX_OPTIONS)
  if (!claimed) return null
  await dispatch(rt, plan, notification)
  return { notificationId, merged: false }
}

async function dispatch(
  rt: Runtime,
  plan: DeliveryPlan,
  notification: Parameters<typeof toNotificationView>[0] & { userId: string; groupKey: string | null },
) {
  if (plan.channels.has('WEBSOCKET') && plan.online) await deliverLive(rt, notification)
  if (!pushesNow(plan)) return
  await enqueuePush(rt, notification)
}

/** Whether the push job is due now: push is on and not held by quiet hours. */
export const pushesNow = (plan: DeliveryPlan) => plan.channels.has('PUSH') && !plan.quietUntil

export async function enqueuePush(
  rt: Runtime,
  notification: { id: string; groupKey: string | null; createdAt: Date },
) {
  const coalesceMs = rt.config.notifications.pushCoalesceSeconds * 1000
  // A burst waits until it pauses for `coalesceMs`, so one push carries the final count; a burst that
  // never pauses still gets its push once it is MAX_DEBOUNCE_MS old.
  const young = rt.clock.now().getTime() - notification.createdAt.getTime() < MAX_DEBOUNCE_MS
  await rt.jobs.enqueue(
    sendPushJob,
    { notificationId: notification.id },
    notification.groupKey
      ? { delayMs: coalesceMs, dedupeId: `push:${notification.id}`, debounce: young }
      : {},
  )
}

async function deliverLive(
  rt: Runtime,
  notification: Parameters<typeof toNotificationView>[0] & { userId: string },
) {
  try {
    await publishNotificationEvent(rt, notification.userId, {
      type: 'notification.new',
      notification: toNotificationView(notification),
      unreadCount: await unreadCount(rt, notification.userId),
    })
  } catch (err) {
    await markDelivery(rt, notification.id, 'WEBSOCKET', {
      status: 'FAILED',
      lastError: (err as Error).message,
    })
  }
}
