// Planet moderators: travel staff or an admin make a planet member a moderator of that planet, or take
// it back. Direct chats have no moderators, and travel staff moderate every planet they are in.
import type { Tx } from '@connecto/db'
import type { TSetPlanetRoleInput } from '@connecto/shared'
import { isTravelStaff } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { recordAudit } from '../moderation/audit.ts'
import { requireTravelModerator } from '../moderation/staff.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, lockTravel } from '../travels/travel-access.ts'

export async function setPlanetRole(rt: Runtime, actor: Actor, input: TSetPlanetRoleInput) {
  await rt.db.$transaction(async (tx) => {
    const planet = await loadStaffManagedPlanet(rt, tx, actor, input.planetId)
    const target = await tx.planetUser.findUnique({
      where: { planetId_userId: { planetId: planet.id, userId: input.userId } },
    })
    if (target?.status !== 'ACTIVE') throw new AppError('MOD005')
    if (target.role === input.role) return
    if (input.role === 'MEMBER') {
      const travelMember = await tx.travelUser.findUnique({
        where: { travelId_userId: { travelId: planet.travelId, userId: input.userId } },
      })
      // Demoting staff here would break the rule that their planet role follows their travel role.
      if (isTravelStaff(travelMember)) {
        throw new AppError('TRV012', 'Travel staff moderate every planet; change their travel role instead.')
      }
    }
    await tx.planetUser.update({ where: { id: target.id }, data: { role: input.role } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'planet.member.role_changed',
      targetType: 'user',
      targetId: input.userId,
      details: { travelId: planet.travelId, planetId: planet.id, from: target.role, to: input.role },
    })
  })
  return { planetId: input.planetId, userId: input.userId, role: input.role }
}

/**
 * A GROUP or ANNOUNCEMENT planet whose membership the caller (travel host/moderator or admin) may change,
 * with its travel row locked for the rest of the transaction.
 */
export async function loadStaffManagedPlanet(rt: Runtime, tx: Tx, actor: Actor, planetId: string) {
  const planet = await tx.planet.findUnique({
    where: { id: planetId },
    select: { id: true, type: true, status: true, travelId: true, travel: { select: { deletedAt: true } } },
  })
  if (!planet || planet.status === 'DELETED' || planet.travel.deletedAt) throw new AppError('PLT001')
  await lockTravel(tx, planet.travelId)
  await requireTravelModerator(tx, actor, planet.travelId, rt.clock.now())
  if (planet.type === 'DIRECT') throw new AppError('PLT007')
  return planet
}
