// Direct chats: one DIRECT planet per pair of travel members, keyed by Planet.directKey so that two
// concurrent opens cannot create a second one (the loser of the unique-key race returns the winner's).
import type { TOpenDirectPlanetInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, loadTravelAccess, requireActiveMember } from '../travels/travel-access.ts'
import { toPlanetView } from './planet-view.ts'

export const directKeyOf = (a: string, b: string) => [a, b].sort().join(':')

export async function openDirectPlanet(rt: Runtime, actor: Actor, input: TOpenDirectPlanetInput) {
  const { membership } = await loadTravelAccess(rt.db, actor, input.travelId, rt.clock.now())
  if (!membership) throw new AppError('TRV002')
  if (input.userId === actor.id) throw new AppError('PLT008')
  await requireActiveMember(rt.db, input.travelId, input.userId)
  const directKey = directKeyOf(actor.id, input.userId)
  const planet =
    (await findDirect(rt, input.travelId, directKey)) ?? (await createDirect(rt, input, actor.id, directKey))
  // Someone who left the travel and came back gets their side of the old conversation back.
  await rt.db.planetUser.updateMany({
    where: { planetId: planet.id, userId: { in: [actor.id, input.userId] }, status: { not: 'ACTIVE' } },
    data: { status: 'ACTIVE', role: 'MEMBER' },
  })
  return toPlanetView(planet, rt.clock.now())
}

function findDirect(rt: Runtime, travelId: string, directKey: string) {
  return rt.db.planet.findUnique({ where: { travelId_directKey: { travelId, directKey } } })
}

async function createDirect(rt: Runtime, input: TOpenDirectPlanetInput, actorId: string, directKey: string) {
  try {
    return await rt.db.planet.create({
      data: {
        travelId: input.travelId,
        name: 'Direct chat',
        type: 'DIRECT',
        autoJoin: false,
        directKey,
        createdById: actorId,
        members: { create: [{ userId: actorId }, { userId: input.userId }] },
      },
    })
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err
    const winner = await findDirect(rt, input.travelId, directKey)
    if (!winner) throw err
    return winner
  }
}
