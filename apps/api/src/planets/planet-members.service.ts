// Planet membership changed by staff: invite a travel member into a GROUP planet (the way into
// invite-only planets) or take them out. Announcement planets hold every member and are not edited.
import type { TPlanetMemberInput } from '@connecto/shared'
import { isTravelStaff } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { publishMembershipChange } from '../me/user-events.ts'
import { recordAudit } from '../moderation/audit.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { loadStaffManagedPlanet } from './planet-roles.service.ts'

export async function addPlanetMember(rt: Runtime, actor: Actor, input: TPlanetMemberInput) {
  const { travelId, ...added } = await rt.db.$transaction(async (tx) => {
    const planet = await loadStaffManagedPlanet(rt, tx, actor, input.planetId)
    if (planet.type !== 'GROUP') throw new AppError('PLT007', 'Only group planets take invited members.')
    const member = await tx.travelUser.findUnique({
      where: { travelId_userId: { travelId: planet.travelId, userId: input.userId } },
    })
    if (member?.status !== 'ACTIVE') throw new AppError('TRV013')
    const role = isTravelStaff(member) ? ('MODERATOR' as const) : ('MEMBER' as const)
    await tx.planetUser.upsert({
      where: { planetId_userId: { planetId: planet.id, userId: input.userId } },
      create: { planetId: planet.id, userId: input.userId, role },
      update: { status: 'ACTIVE', role },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'planet.member.added',
      targetType: 'user',
      targetId: input.userId,
      details: { travelId: planet.travelId, planetId: planet.id },
    })
    return { travelId: planet.travelId, planetId: planet.id, userId: input.userId, status: 'ACTIVE' as const }
  })
  await publishMembershipChange(rt, input.userId, { travelId, planetId: added.planetId, change: 'joined' })
  return added
}

export async function removePlanetMember(rt: Runtime, actor: Actor, input: TPlanetMemberInput) {
  const { travelId, ...removed } = await rt.db.$transaction(async (tx) => {
    const planet = await loadStaffManagedPlanet(rt, tx, actor, input.planetId)
    if (planet.type !== 'GROUP') throw new AppError('PLT007', 'Only group planets have members removed.')
    const target = await tx.planetUser.findUnique({
      where: { planetId_userId: { planetId: planet.id, userId: input.userId } },
    })
    if (target?.status !== 'ACTIVE') throw new AppError('MOD005')
    await tx.planetUser.update({ where: { id: target.id }, data: { status: 'LEFT' } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'planet.member.removed',
      targetType: 'user',
      targetId: input.userId,
      details: { travelId: planet.travelId, planetId: planet.id },
    })
    return { travelId: planet.travelId, planetId: planet.id, userId: input.userId, status: 'LEFT' as const }
  })
  await publishMembershipChange(rt, input.userId, { travelId, planetId: removed.planetId, change: 'removed' })
  return removed
}
