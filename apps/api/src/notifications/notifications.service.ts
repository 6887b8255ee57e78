// The user's side of notifications: the in-app list, read state with the live unread count, per-planet
// notification settings and focus.
import type {
  TFocusInput,
  TListNotificationsInput,
  TMarkNotificationsReadInput,
  TSetPlanetNotificationsInput,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import { setFocus } from './focus.ts'
import { publishNotificationEvent, toNotificationView, unreadCount } from './notification-view.ts'

/** Newest first; the cursor is the last id of the previous page. */
export async function listNotifications(rt: Runtime, userId: string, input: TListNotificationsInput) {
  const cursor = input.cursor
    ? await rt.db.notification.findFirst({
        where: { id: input.cursor, userId },
        select: { id: true, createdAt: true },
      })
    : null
  const rows = await rt.db.notification.findMany({
    where: {
      userId,
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  })
  const items = rows.slice(0, input.limit).map(toNotificationView)
  return {
    items,
    nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null,
    unreadCount: await unreadCount(rt, userId),
  }
}

export async function markRead(rt: Runtime, userId: string, input: TMarkNotificationsReadInput) {
  const { count } = await rt.db.notification.updateMany({
    where: { id: { in: input.ids }, userId, readAt: null },
    data: { readAt: rt.clock.now() },
  })
  const unread = await unreadCount(rt, userId)
  if (count)
    await publishNotificationEvent(rt, userId, {
      type: 'notification.read',
      ids: input.ids,
      unreadCount: unread,
    })
  return { updated: count, unreadCount: unread }
}

export async function markAllRead(rt: Runtime, userId: string) {
  const { count } = await rt.db.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: rt.clock.now() },
  })
  if (count)
    await publishNotificationEvent(rt, userId, { type: 'notification.read', ids: 'all', unreadCount: 0 })
  return { updated: count, unreadCount: 0 }
}

export async function getUnreadCount(rt: Runtime, userId: string) {
  return { unreadCount: await unreadCount(rt, userId) }
}

export async function setPlanetNotifications(
  rt: Runtime,
  userId: string,
  input: TSetPlanetNotificationsInput,
) {
  const member = await rt.db.planetUser.findUnique({
    where: { planetId_userId: { planetId: input.planetId, userId } },
    select: { id: true, status: true },
  })
  if (member?.status !== 'ACTIVE') throw new AppError('PLT002')
  const updated = await rt.db.planetUser.update({
    where: { id: member.id },
    data: {
      notificationsMuted: input.muted,
      notificationsMutedUntil: input.muted ? (input.mutedUntil ?? null) : null,
      ...(input.mentionsOnly !== undefined ? { mentionsOnly: input.mentionsOnly } : {}),
    },
    select: { planetId: true, notificationsMuted: true, notificationsMutedUntil: true, mentionsOnly: true },
  })
  return { ...updated, notificationsMutedUntil: updated.notificationsMutedUntil?.toISOString() ?? null }
}

export async function focus(rt: Runtime, userId: string, input: TFocusInput) {
  await setFocus(rt, userId, input.planetId)
  return { ok: true as const }
}
