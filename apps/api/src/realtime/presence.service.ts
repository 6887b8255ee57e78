// Presence as others see it: online (an open socket, active), away (an open socket, client said away)
// or offline, with last seen; a member who hides last seen shows offline with no last seen to others.
import type { PresenceStatus, TReportPresenceInput, TTravelPresenceInput } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import { type Actor, requireTravelReader } from '../travels/travel-access.ts'
import { lastSeenVisible } from './privacy.ts'

export async function reportPresence(rt: Runtime, userId: string, input: TReportPresenceInput) {
  await rt.realtime.away.set(userId, input.state === 'away')
  return { state: input.state }
}

/** The status of each given user, before privacy. */
export async function presenceStatuses(rt: Runtime, userIds: readonly string[]) {
  const [online, away] = await Promise.all([rt.presence.isOnline(userIds), rt.realtime.away.away(userIds)])
  const statusOf = (id: string): PresenceStatus =>
    !online.has(id) ? 'offline' : away.has(id) ? 'away' : 'online'
  return statusOf
}

export async function travelPresence(rt: Runtime, actor: Actor, input: TTravelPresenceInput) {
  await requireTravelReader(rt.db, actor, input.travelId, rt.clock.now())
  const rows = await rt.db.travelUser.findMany({
    where: { travelId: input.travelId, status: 'ACTIVE' },
    orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
    select: {
      userId: true,
      user: { select: { lastSeenAt: true, profile: { select: { preferences: true } } } },
    },
  })
  const statusOf = await presenceStatuses(
    rt,
    rows.map((r) => r.userId),
  )
  return rows.map((r) => {
    const visible = r.userId === actor.id || lastSeenVisible(r.user.profile?.preferences)
    return {
      userId: r.userId,
      status: visible ? statusOf(r.userId) : ('offline' as const),
      lastSeenAt: visible ? r.user.lastSeenAt : null,
    }
  })
}
