// Notifications for things that happen to a user's message (a reaction) or to a travel they run
// (someone joined). Each loads names itself; the actor is never notified.
import type { Runtime } from '../runtime.ts'
import { createNotification, type NewNotification } from './create-notification.ts'
import { planetAllows } from './planet-mute.ts'
import { loadPreferences } from './preferences.ts'

const nicknameOf = async (rt: Runtime, userId: string) =>
  (await rt.db.profile.findUnique({ where: { userId }, select: { nickname: true } }))?.nickname ?? 'Someone'

async function deliver(rt: Runtime, actorId: string | null, items: NewNotification[], planetId?: string) {
  const recipients = items.filter((i) => i.userId !== actorId)
  if (!recipients.length) return 0
  const prefsOf = await loadPreferences(
    rt,
    recipients.map((r) => r.userId),
  )
  const settings = planetId
    ? await rt.db.planetUser.findMany({
        where: { planetId, userId: { in: recipients.map((r) => r.userId) } },
        select: { userId: true, notificationsMuted: true, notificationsMutedUntil: true, mentionsOnly: true },
      })
    : []
  const now = rt.clock.now()
  let created = 0
  for (const item of recipients) {
    const s = settings.find((x) => x.userId === item.userId) ?? null
    if (!planetAllows(s, item.type, now)) continue
    if (await createNotification(rt, prefsOf(item.userId), item)) created++
  }
  return created
}

export async function notifyReactionNow(
  rt: Runtime,
  p: { messageId: string; reactorId: string; emoji: string },
) {
  const message = await rt.db.message.findUnique({
    where: { id: p.messageId },
    select: {
      id: true,
      senderId: true,
      deletedAt: true,
      planet: { select: { id: true, name: true, travelId: true } },
    },
  })
  if (!message?.senderId || message.deletedAt) return 0
  const who = await nicknameOf(rt, p.reactorId)
  const where = message.planet.name
  return deliver(
    rt,
    p.reactorId,
    [
      {
        userId: message.senderId,
        type: 'REACTION',
        title: `${who} reacted ${p.emoji} to your message`,
        body: `in ${where}`,
        data: { travelId: message.planet.travelId, planetId: message.planet.id, messageId: message.id },
        groupKey: `reactions:${message.id}`,
        coalesce: (count) => ({ title: `${count} reactions to your message`, body: `in ${where}` }),
      },
    ],
    message.planet.id,
  )
}

/** Tells the travel's host and moderators that someone joined. */
export async function notifyTravelJoinedNow(rt: Runtime, p: { travelId: string; userId: string }) {
  const [travel, staff, who] = await Promise.all([
    rt.db.travel.findUnique({ where: { id: p.travelId }, select: { name: true } }),
    rt.db.travelUser.findMany({
      where: { travelId: p.travelId, status: 'ACTIVE', role: { in: ['HOST', 'MODERATOR'] } },
      select: { userId: true },
    }),
    nicknameOf(rt, p.userId),
  ])
  if (!travel) return 0
  return deliver(
    rt,
    p.userId,
    staff.map((s) => ({
      userId: s.userId,
      type: 'TRAVEL_JOINED' as const,
      title: `${who} joined ${travel.name}`,
      body: 'Say hello in the group chat.',
      data: { travelId: p.travelId },
      groupKey: `joined:${p.travelId}`,
      coalesce: (count: number) => ({
        title: `${count} people joined ${travel.name}`,
        body: 'Say hello in the group chat.',
      }),
    })),
  )
}
