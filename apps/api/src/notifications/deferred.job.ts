// Delivers what was held back: pushes held by quiet hours become one summary push per user once the quiet
// hours end, and mail that waited for the digest goes out as one email per user — only for what is still
// unread; the rest is recorded as skipped.
import { z } from 'zod'
import { defineJob } from '../jobs/job-definition.ts'
import type { Runtime } from '../runtime.ts'
import { MAX_DELIVERY_ATTEMPTS } from './deliveries.ts'
import { digestEmail } from './email/digest-email.ts'
import { unreadCount } from './notification-view.ts'
import { loadPreferences } from './preferences.ts'
import { deepLinkData, pushToUser } from './push/send-push.ts'
import { quietHoursEnd } from './quiet-hours.ts'
import { transportsOf } from './transports.ts'

const BATCH = 500
const MAX_PASSES = 20
const RETRY_AFTER_MS = 5 * 60_000

type Due = {
  id: string
  channel: 'PUSH' | 'EMAIL'
  attempts: number
  notification: {
    id: string
    userId: string
    title: string
    body: string
    data: unknown
    readAt: Date | null
    type: string
  }
}

async function dueDeliveries(rt: Runtime, now: Date): Promise<Due[]> {
  const rows = await rt.db.notificationDelivery.findMany({
    where: { status: 'PENDING', channel: { in: ['PUSH', 'EMAIL'] }, deferredUntil: { lte: now } },
    orderBy: { deferredUntil: 'asc' },
    take: BATCH,
    select: {
      id: true,
      channel: true,
      attempts: true,
      notification: {
        select: { id: true, userId: true, title: true, body: true, data: true, readAt: true, type: true },
      },
    },
  })
  return rows as Due[]
}

function groupByUserAndChannel(rows: Due[]) {
  const groups = new Map<string, Due[]>()
  for (const r of rows) {
    const key = `${r.notification.userId}:${r.channel}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.values()]
}

async function summaryPush(rt: Runtime, userId: string, unread: Due[]) {
  const first = unread[0]!.notification
  const single = unread.length === 1
  const outcome = await pushToUser(rt, userId, {
    title: single ? first.title : 'While you were away',
    body: single ? first.body : `${unread.length} new notifications`,
    badge: await unreadCount(rt, userId),
    data: single
      ? deepLinkData({
          notificationId: first.id,
          type: first.type,
          ...(first.data as Record<string, string>),
        })
      : { type: 'SUMMARY' },
  })
  if (!outcome) return 'no registered devices'
  if (outcome.sent === 0 && outcome.failed > outcome.removedTokens) throw new Error(outcome.errors.join('; '))
  return outcome.sent > 0 ? null : 'every device token was invalid and was removed'
}

async function digestMail(rt: Runtime, userId: string, unread: Due[]) {
  const user = await rt.db.user.findUnique({
    where: { id: userId },
    select: { email: true, profile: { select: { nickname: true } } },
  })
  if (!user) return 'user not found'
  const mail = digestEmail({
    nickname: user.profile?.nickname ?? user.email,
    items: unread.map((d) => d.notification),
    webUrl: rt.config.publicWebUrl,
  })
  await transportsOf(rt).mailer.send({ to: user.email, ...mail })
  return null
}

async function deliverGroup(rt: Runtime, group: Due[], now: Date) {
  const { userId } = group[0]!.notification
  const channel = group[0]!.channel
  const read = group.filter((d) => d.notification.readAt)
  const unread = group.filter((d) => !d.notification.readAt)
  if (read.length) {
    await rt.db.notificationDelivery.updateMany({
      where: { id: { in: read.map((d) => d.id) } },
      data: { status: 'SKIPPED', lastError: 'read in the app before delivery', deferredUntil: null },
    })
  }
  if (!unread.length) return
  const ids = unread.map((d) => d.id)
  const prefs = (await loadPreferences(rt, [userId]))(userId)
  const quietUntil = quietHoursEnd(now, prefs.quietHours)
  if (quietUntil) {
    // Quiet hours began again (or were changed) since this was deferred.
    await rt.db.notificationDelivery.updateMany({
      where: { id: { in: ids } },
      data: { deferredUntil: quietUntil },
    })
    return
  }
  try {
    const skipped =
      channel === 'PUSH' ? await summaryPush(rt, userId, unread) : await digestMail(rt, userId, unread)
    await rt.db.notificationDelivery.updateMany({
      where: { id: { in: ids } },
      data: skipped
        ? { status: 'SKIPPED', lastError: skipped, deferredUntil: null, attempts: { increment: 1 } }
        : { status: 'SENT', sentAt: now, lastError: null, deferredUntil: null, attempts: { increment: 1 } },
    })
  } catch (err) {
    const lastError = (err as Error).message
    const exhausted = Math.max(...unread.map((d) => d.attempts)) + 1 >= MAX_DELIVERY_ATTEMPTS
    await rt.db.notificationDelivery.updateMany({
      where: { id: { in: ids } },
      data: exhausted
        ? { status: 'FAILED', lastError, deferredUntil: null, attempts: { increment: 1 } }
        : { lastError, deferredUntil: new Date(now.getTime() + RETRY_AFTER_MS), attempts: { increment: 1 } },
    })
    rt.logger.warn({ err, userId, channel }, 'deferred delivery failed')
  }
}

/** One pass over every due deferred delivery; returns how many user groups were handled. */
export async function deliverDeferred(rt: Runtime) {
  const now = rt.clock.now()
  let handled = 0
  // Each pass settles every row it read (sent, skipped, failed or moved later), so the next pass
  // reads new rows; a bounded number of passes keeps one run from holding the queue for long.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const due = await dueDeliveries(rt, now)
    const groups = groupByUserAndChannel(due)
    for (const group of groups) await deliverGroup(rt, group, now)
    handled += groups.length
    if (due.length < BATCH) break
  }
  return handled
}

export const deliverDeferredJob = defineJob({
  id: 'notification.deferred',
  queue: 'normal',
  payload: z.object({}),
  handle: (rt) => deliverDeferred(rt),
})
