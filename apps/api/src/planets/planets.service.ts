// Planets of a travel: list, create, update, archive, delete, and who is in one. Staff changes run in one
// transaction together with their audit row.
import type { DbOrTx } from '@connecto/db'
import type {
  TArchivePlanetInput,
  TCreatePlanetInput,
  TDeletePlanetInput,
  TListPlanetMembersInput,
  TListPlanetsInput,
  TUpdatePlanetInput,
} from '@connecto/shared'
import { canCreatePlanet, isTravelStaff } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { publishPlanetEvents } from '../events/planet-events.ts'
import { postSystemMessages } from '../messages/system-messages.ts'
import { recordAudit } from '../moderation/audit.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, loadTravelAccess, lockTravel, requireTravelManager } from '../travels/travel-access.ts'
import { requirePlanetModerationReader } from './planet-access.ts'
import { chatHoursData, toPlanetView } from './planet-view.ts'

/** Group and announcement planets, plus the caller's own direct chats; deleted ones never show. */
export async function listPlanets(rt: Runtime, actor: Actor, input: TListPlanetsInput) {
  const { membership, isAdmin } = await loadTravelAccess(rt.db, actor, input.travelId, rt.clock.now())
  // Platform admins see every group and announcement planet (moderation), none of the direct chats.
  if (!membership && !isAdmin) throw new AppError('TRV002')
  const planets = await rt.db.planet.findMany({
    where: {
      travelId: input.travelId,
      status: { not: 'DELETED' },
      OR: [{ type: { not: 'DIRECT' } }, { members: { some: { userId: actor.id, status: 'ACTIVE' } } }],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: {
      members: { where: { userId: actor.id, status: 'ACTIVE' }, select: { role: true } },
      _count: { select: { members: { where: { status: 'ACTIVE' } } } },
    },
  })
  const now = rt.clock.now()
  return planets.map(({ members, _count, ...p }) => ({
    ...toPlanetView(p, now),
    myRole: members[0]?.role ?? null,
    memberCount: _count.members,
  }))
}

export async function createPlanet(rt: Runtime, actor: Actor, input: TCreatePlanetInput) {
  const planet = await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    const { membership, isAdmin } = await loadTravelAccess(tx, actor, input.travelId, rt.clock.now())
    if (!membership && !isAdmin) throw new AppError('TRV002')
    if (!canCreatePlanet(actor.role, membership)) throw new AppError('TRV011')
    const joiners = input.autoJoin
      ? await tx.travelUser.findMany({
          where: { travelId: input.travelId, status: 'ACTIVE', userId: { not: actor.id } },
          select: { userId: true, role: true },
        })
      : []
    const created = await tx.planet.create({
      data: {
        travelId: input.travelId,
        name: input.name,
        description: input.description,
        type: 'GROUP',
        autoJoin: input.autoJoin,
        timeZone: input.timeZone,
        ...chatHoursData(input),
        createdById: actor.id,
        members: {
          create: [
            { userId: actor.id, role: 'MODERATOR' as const },
            // Staff moderate every planet they are in (see syncPlanetRoles).
            ...joiners.map((m) => ({
              userId: m.userId,
              role: isTravelStaff({ role: m.role, status: 'ACTIVE' })
                ? ('MODERATOR' as const)
                : ('MEMBER' as const),
            })),
          ],
        },
      },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'planet.created',
      targetType: 'planet',
      targetId: created.id,
      details: { travelId: input.travelId, name: input.name, autoJoin: input.autoJoin },
    })
    return created
  })
  return toPlanetView(planet, rt.clock.now())
}

async function loadPlanet(db: DbOrTx, planetId: string) {
  const planet = await db.planet.findUnique({
    where: { id: planetId },
    include: { travel: { select: { deletedAt: true } } },
  })
  if (!planet || planet.status === 'DELETED' || planet.travel.deletedAt) throw new AppError('PLT001')
  return planet
}

/** Travel staff, a platform admin, or a moderator of this planet. */
export async function updatePlanet(rt: Runtime, actor: Actor, input: TUpdatePlanetInput) {
  const { planet, events } = await rt.db.$transaction(async (tx) => {
    const planet = await loadPlanet(tx, input.planetId)
    if (planet.type === 'DIRECT') throw new AppError('PLT007')
    const { membership, isAdmin } = await loadTravelAccess(tx, actor, planet.travelId, rt.clock.now())
    if (!membership && !isAdmin) throw new AppError('TRV002')
    const planetMember = await tx.planetUser.findUnique({
      where: { planetId_userId: { planetId: planet.id, userId: actor.id } },
    })
    const isPlanetMod = planetMember?.status === 'ACTIVE' && planetMember.role === 'MODERATOR'
    if (!isAdmin && !isTravelStaff(membership) && !isPlanetMod) throw new AppError('TRV011')
    const { planetId, ...changes } = input
    const updated = await tx.planet.update({
      where: { id: planetId },
      data: {
        name: input.name,
        description: input.description,
        timeZone: input.timeZone,
        ...chatHoursData(input),
      },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'planet.updated',
      targetType: 'planet',
      targetId: planetId,
      details: { travelId: planet.travelId, fields: Object.keys(changes) },
    })
    const renamed = input.name !== undefined && input.name !== planet.name
    const events = renamed
      ? await postSystemMessages(
          tx,
          {
            kind: 'planet.renamed',
            planetIds: [planetId],
            userId: actor.id,
            from: planet.name,
            to: updated.name,
          },
          rt.clock.now(),
        )
      : []
    return { planet: updated, events }
  })
  await publishPlanetEvents(rt, events)
  return toPlanetView(planet, rt.clock.now())
}

async function setPlanetStatus(rt: Runtime, actor: Actor, planetId: string, status: 'ARCHIVED' | 'DELETED') {
  await rt.db.$transaction(async (tx) => {
    const planet = await loadPlanet(tx, planetId)
    await requireTravelManager(tx, actor, planet.travelId, rt.clock.now())
    if (planet.status === status) return
    await tx.planet.update({ where: { id: planetId }, data: { status } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: status === 'ARCHIVED' ? 'planet.archived' : 'planet.deleted',
      targetType: 'planet',
      targetId: planetId,
      details: { travelId: planet.travelId, from: planet.status },
    })
  })
  return { planetId, status }
}

/** The travel host or an admin; archived planets stay readable but refuse sends. */
export const archivePlanet = (rt: Runtime, actor: Actor, input: TArchivePlanetInput) =>
  setPlanetStatus(rt, actor, input.planetId, 'ARCHIVED')

export const deletePlanet = (rt: Runtime, actor: Actor, input: TDeletePlanetInput) =>
  setPlanetStatus(rt, actor, input.planetId, 'DELETED')

export async function listPlanetMembers(rt: Runtime, actor: Actor, input: TListPlanetMembersInput) {
  await requirePlanetModerationReader(rt, actor, input.planetId)
  const rows = await rt.db.planetUser.findMany({
    where: { planetId: input.planetId, status: 'ACTIVE' },
    orderBy: [{ role: 'asc' }, { joinedAt: 'asc' }, { id: 'asc' }],
    include: { user: { select: { profile: { select: { nickname: true } } } } },
  })
  return rows.map((m) => ({
    userId: m.userId,
    nickname: m.user.profile?.nickname ?? null,
    role: m.role,
    mutedUntil: m.mutedUntil,
    joinedAt: m.joinedAt,
  }))
}
