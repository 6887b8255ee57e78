// The client-facing shape of a notification and the live events carrying the unread count.
import { Prisma, rawRows } from '@connecto/db'
import { busChannel, type NotificationEvent, type NotificationView, type UserEvent } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'

type NotificationRow = {
  id: string
  type: string
  title: string
  body: string
  data: unknown
  count: number
  readAt: Date | null
  createdAt: Date
}

export function toNotificationView(n: NotificationRow): NotificationView {
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    data: (n.data ?? null) as NotificationView['data'],
    count: n.count,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }
}

export function unreadCount(rt: Runtime, userId: string) {
  return rt.db.notification.count({ where: { userId, readAt: null } })
}

/** The unread counts of many users in one statement (users with none are absent). */
export async function unreadCounts(rt: Runtime, userIds: string[]) {
  const rows = await rawRows<{ userId: string; n: number }>(
    rt.db,
    'fan_out_unread_counts',
    Prisma.sql`
    SELECT user_id AS "userId", count(*)::int AS n FROM notifications
    WHERE user_id = ANY(${userIds}::text[]) AND read_at IS NULL
    GROUP BY user_id`,
  )
  return new Map(rows.map((r) => [r.userId, r.n]))
}

export async function publishNotificationEvent(rt: Runtime, userId: string, event: NotificationEvent) {
  const userEvent: UserEvent = event
  await rt.bus.publish(busChannel.user(userId), userEvent)
}
