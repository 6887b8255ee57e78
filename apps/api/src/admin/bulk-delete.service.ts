// Removes every message a user sent in one planet, for spam floods: soft-deleted in one transaction,
// one message.deleted event each in the planet log, so open chats drop them live and on resume.
import type { PlanetEvent, TDeleteUserMessagesInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { appendPlanetEvent, publishPlanetEvents } from '../events/planet-events.ts'
import { messageInclude, toMessageView } from '../messages/message-view.ts'
import { recordAudit } from '../moderation/audit.ts'
import { assertMayActOn, requireTravelModerator } from '../moderation/staff.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, lockTravel } from '../travels/travel-access.ts'

/** Bounds one transaction; a larger flood takes another call, which picks up where this one stopped. */
export const BULK_DELETE_LIMIT = 500

export async function deleteUserMessages(rt: Runtime, actor: Actor, input: TDeleteUserMessagesInput) {
  const now = rt.clock.now()
  const planet = await rt.db.planet.findUnique({ where: { id: input.planetId }, select: { travelId: true } })
  if (!planet) throw new AppError('PLT001')
  const events = await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, planet.travelId)
    const rank = await requireTravelModerator(tx, actor, planet.travelId, now)
    const target = await tx.travelUser.findUnique({
      where: { travelId_userId: { travelId: planet.travelId, userId: input.userId } },
      select: { role: true },
    })
    assertMayActOn({
      actorId: actor.id,
      rank,
      targetId: input.userId,
      targetIsHost: target?.role === 'HOST',
      targetIsStaff: target?.role === 'MODERATOR',
    })
    const doomed = await tx.message.findMany({
      where: { planetId: input.planetId, senderId: input.userId, deletedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: BULK_DELETE_LIMIT,
      select: { id: true },
    })
    const appended: PlanetEvent[] = []
    for (const { id } of doomed) {
      const deleted = await tx.message.update({
        where: { id },
        data: { deletedAt: now, deletedById: actor.id },
        include: messageInclude,
      })
      appended.push(
        await appendPlanetEvent(tx, {
          type: 'message.deleted',
          planetId: input.planetId,
          message: toMessageView(deleted),
        }),
      )
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'planet.messages.bulk_deleted',
      targetType: 'user',
      targetId: input.userId,
      details: { planetId: input.planetId, travelId: planet.travelId, count: doomed.length },
    })
    return appended
  })
  await publishPlanetEvents(rt, events)
  const remaining = await rt.db.message.count({
    where: { planetId: input.planetId, senderId: input.userId, deletedAt: null },
  })
  return { deleted: events.length, remaining }
}
