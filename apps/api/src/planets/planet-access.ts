// "May this user read / post in this planet?" — one place for the membership rules messaging relies on.
import { canPostIn, isPlatformAdmin } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { liftExpiredTravelBan } from '../moderation/bans.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { chatAvailability } from './time-window.ts'

export async function requirePlanetReader(rt: Runtime, userId: string, planetId: string) {
  const access = await loadPlanetReader(rt, userId, planetId)
  if (access.expiredBan && (await liftExpiredTravelBan(rt, access.planet.travelId, userId))) {
    return requirePlanetAccess(await loadPlanetReader(rt, userId, planetId))
  }
  return requirePlanetAccess(access)
}

/**
 * Read-only access for history and member lists: planet members, plus platform admins anywhere
 * (moderation). Live streams and sends keep requirePlanetReader / requirePlanetWriter.
 */
export async function requirePlanetModerationReader(rt: Runtime, actor: Actor, planetId: string) {
  if (isPlatformAdmin(actor.role)) {
    await loadPlanetReader(rt, actor.id, planetId)
    return
  }
  await requirePlanetReader(rt, actor.id, planetId)
}

async function loadPlanetReader(rt: Runtime, userId: string, planetId: string) {
  const planet = await rt.db.planet.findUnique({
    where: { id: planetId },
    select: {
      id: true,
      type: true,
      status: true,
      travelId: true,
      timeRestrictionType: true,
      timeRestriction: true,
      timeZone: true,
      travel: {
        select: {
          isFrozen: true,
          deletedAt: true,
          members: { where: { userId }, select: { role: true, status: true, bannedUntil: true } },
        },
      },
      members: { where: { userId }, select: { role: true, status: true, mutedUntil: true } },
    },
  })
  if (!planet || planet.status === 'DELETED' || planet.travel.deletedAt) throw new AppError('PLT001')
  const ban = planet.travel.members[0]
  const expiredBan = ban?.status === 'BANNED' && !!ban.bannedUntil && ban.bannedUntil <= rt.clock.now()
  return { planet, expiredBan }
}

/** The rows planet access is decided on; messaging's send path loads them in one statement of its own. */
export type PlanetAccessRows = Awaited<ReturnType<typeof loadPlanetReader>>['planet']

export function requirePlanetAccess({ planet }: { planet: PlanetAccessRows }) {
  const travelMember = planet.travel.members[0]
  if (travelMember?.status === 'BANNED') throw new AppError('TRV008')
  const planetMember = planet.members[0]
  if (travelMember?.status !== 'ACTIVE' || !planetMember || planetMember.status !== 'ACTIVE') {
    throw new AppError('PLT002')
  }
  return { planet, travelMember, planetMember }
}

export async function requirePlanetWriter(rt: Runtime, userId: string, planetId: string) {
  return checkPlanetWriter(rt, await requirePlanetReader(rt, userId, planetId))
}

/** The posting rules on top of reader access: archive, freeze, mute, announcement role, chat hours. */
export function checkPlanetWriter(rt: Runtime, access: ReturnType<typeof requirePlanetAccess>) {
  const { planet, travelMember, planetMember } = access
  if (planet.status === 'ARCHIVED') throw new AppError('PLT006')
  if (planet.travel.isFrozen) throw new AppError('TRV006')
  if (planetMember.mutedUntil && planetMember.mutedUntil > rt.clock.now()) {
    throw new AppError(
      'PLT003',
      `You are muted in this planet until ${planetMember.mutedUntil.toISOString()}.`,
    )
  }
  if (!canPostIn(planet.type, travelMember, planetMember.role)) throw new AppError('PLT005')
  // Chat hours bind everyone, staff included; announcements are never closed.
  if (planet.type !== 'ANNOUNCEMENT') {
    const hours = chatAvailability(
      { type: planet.timeRestrictionType, restriction: planet.timeRestriction, timeZone: planet.timeZone },
      rt.clock.now(),
    )
    if (!hours.open) {
      const opens = hours.nextOpenAt
        ? `It opens at ${hours.nextOpenAt.toISOString()}.`
        : 'It does not open again.'
      throw new AppError('PLT004', `Chat is closed now. ${opens}`)
    }
  }
  return access
}
