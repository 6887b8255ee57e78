// Fan-out of one new message: each other active member gets a MENTION, REPLY, ANNOUNCEMENT or (merged per
// planet burst) MESSAGE notification, unless they muted the planet or their preferences say otherwise.
// @all / @here count as mentions only from hosts and moderators, at most once per planet per window.
import type { NotificationType } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import { mapWithConcurrency } from './concurrency.ts'
import { createNotification } from './create-notification.ts'
import { planetAllows } from './planet-mute.ts'
import { loadPreferences } from './preferences.ts'
import { claimKey } from './ttl-keys.ts'

export const BROADCAST_WINDOW_SECONDS = 5 * 60
/** Recipients handled at once: each is a short transaction, so leave the api a pool connection. */
const fanOutConcurrency = (rt: Runtime) => Math.max(1, Math.min(4, rt.config.databasePoolSize - 1))
const PREVIEW_LENGTH = 140

const preview = (content: string | null, type: string) => {
  if (!content) return type === 'LOCATION' ? 'shared a location' : 'sent an attachment'
  return content.length > PREVIEW_LENGTH ? `${content.slice(0, PREVIEW_LENGTH - 1)}…` : content
}

export function broadcastIn(content: string | null): 'all' | 'here' | null {
  const m = content?.match(/(?:^|\s)@(all|here)\b/i)
  return m ? (m[1]!.toLowerCase() as 'all' | 'here') : null
}

async function loadMessage(rt: Runtime, messageId: string) {
  return rt.db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      senderId: true,
      content: true,
      type: true,
      mentions: true,
      deletedAt: true,
      replyTo: { select: { senderId: true } },
      sender: { select: { profile: { select: { nickname: true } } } },
      planet: { select: { id: true, name: true, type: true, travelId: true } },
    },
  })
}

/** Hosts and moderators (of the travel or the planet) may reach everyone, within the rate limit. */
async function mayBroadcast(rt: Runtime, senderId: string, planet: { id: string; travelId: string }) {
  const [travelRole, planetRole] = await Promise.all([
    rt.db.travelUser.findUnique({
      where: { travelId_userId: { travelId: planet.travelId, userId: senderId } },
      select: { role: true },
    }),
    rt.db.planetUser.findUnique({
      where: { planetId_userId: { planetId: planet.id, userId: senderId } },
      select: { role: true },
    }),
  ])
  const staff =
    travelRole?.role === 'HOST' || travelRole?.role === 'MODERATOR' || planetRole?.role === 'MODERATOR'
  if (!staff) return false
  const allowed = await claimKey(rt, `notify:broadcast:${planet.id}`, BROADCAST_WINDOW_SECONDS)
  if (!allowed) rt.logger.info({ planetId: planet.id, senderId }, 'notifications: @all/@here rate-limited')
  return allowed
}

/** What a message is to one recipient: aimed at them first, then the planet's kind. */
export function notificationTypeFor(r: { mentioned: boolean; repliedTo: boolean; announcement: boolean }) {
  if (r.mentioned) return 'MENTION' as const
  if (r.repliedTo) return 'REPLY' as const
  return r.announcement ? ('ANNOUNCEMENT' as const) : ('MESSAGE' as const)
}

/** A retried fan-out (a transient failure part-way) must not notify twice those it already reached. */
async function alreadyNotified(rt: Runtime, messageId: string, userIds: string[]) {
  const rows = await rt.db.notification.findMany({
    where: { userId: { in: userIds }, data: { path: ['messageId'], equals: messageId } },
    select: { userId: true },
  })
  return new Set(rows.map((r) => r.userId))
}

export async function fanOutMessage(rt: Runtime, messageId: string, opts: { retry?: boolean } = {}) {
  const message = await loadMessage(rt, messageId)
  if (!message || message.deletedAt || !message.senderId) return 0
  const { planet } = message
  const senderId = message.senderId
  const senderName = message.sender?.profile?.nickname ?? 'Someone'
  const candidates = await rt.db.planetUser.findMany({
    where: { planetId: planet.id, status: 'ACTIVE', userId: { not: senderId } },
    select: { userId: true, notificationsMuted: true, notificationsMutedUntil: true, mentionsOnly: true },
  })
  const done = opts.retry
    ? await alreadyNotified(
        rt,
        message.id,
        candidates.map((c) => c.userId),
      )
    : new Set()
  const members = candidates.filter((m) => !done.has(m.userId))
  if (!members.length) return 0
  const userIds = members.map((m) => m.userId)
  const broadcast = broadcastIn(message.content)
  const reached = broadcast && (await mayBroadcast(rt, senderId, planet))
  const online = await rt.presence.isOnline(userIds)
  const mentioned = new Set(message.mentions)
  const prefsOf = await loadPreferences(rt, userIds)
  const now = rt.clock.now()
  const where = planet.type === 'DIRECT' ? senderName : planet.name
  const text = preview(message.content, message.type)
  const data = { travelId: planet.travelId, planetId: planet.id, messageId: message.id }

  const titles: Partial<Record<NotificationType, string>> = {
    MENTION: `${senderName} mentioned you in ${where}`,
    REPLY: `${senderName} replied to you in ${where}`,
    ANNOUNCEMENT: `Announcement in ${where}`,
    MESSAGE: where,
  }

  const results = await mapWithConcurrency(members, fanOutConcurrency(rt), async (member) => {
    const reachedByBroadcast = !!reached && (broadcast === 'all' || online.has(member.userId))
    const type = notificationTypeFor({
      mentioned: mentioned.has(member.userId) || reachedByBroadcast,
      repliedTo: message.replyTo?.senderId === member.userId,
      announcement: planet.type === 'ANNOUNCEMENT',
    })
    if (!planetAllows(member, type, now)) return null
    return createNotification(
      rt,
      prefsOf(member.userId),
      {
        userId: member.userId,
        type,
        title: titles[type] ?? where,
        body: type === 'MESSAGE' && planet.type !== 'DIRECT' ? `${senderName}: ${text}` : text,
        data,
        ...(type === 'MESSAGE'
          ? {
              groupKey: `planet:${planet.id}:messages`,
              coalesce: (count: number) => ({ title: where, body: `${count} new messages in ${where}` }),
            }
          : {}),
      },
      { online: online.has(member.userId) },
    )
  })
  return results.filter(Boolean).length
}
