// Planet mutes: the member keeps reading but cannot send until `mutedUntil` passes (enforced on send),
// so expiry needs no job. Who may mute: a platform admin, travel staff, or a moderator of the planet.
import type { Tx } from '@connecto/db'
import {
  isPlatformAdmin,
  isTravelStaff,
  type TMuteDuration,
  type TMuteInput,
  type TUnmuteInput,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { notifyCreated } from '../notifications/notify.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, loadTravelAccess } from '../travels/travel-access.ts'
import { recordAudit } from './audit.ts'
import { assertMayActOn, type StaffRank } from './staff.ts'

const DURATION_MS = { '1h': 3600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 } as const

export function muteEndsAt(duration: TMuteDuration, now: Date) {
  const until =
    typeof duration === 'string' ? new Date(now.getTime() + DURATION_MS[duration]) : duration.until
  if (until <= now) throw new AppError('SYS001', 'A mute must end in the future.', 'duration')
  return until
}

/** Loads the planet with both members' rows and checks the actor may act on the target. */
async function requirePlanetModerator(tx: Tx, actor: Actor, planetId: string, userId: string, now?: Date) {
  const ids = [actor.id, userId]
  const planet = await tx.planet.findUnique({
    where: { id: planetId },
    select: {
      id: true,
      name: true,
      status: true,
      travelId: true,
      travel: { select: { deletedAt: true, members: { where: { userId: { in: ids } } } } },
      members: { where: { userId: { in: ids } } },
    },
  })
  if (!planet || planet.status === 'DELETED' || planet.travel.deletedAt) throw new AppError('PLT001')
  const travelRow = (id: string) =>
    planet.travel.members.find((m) => m.userId === id && m.status === 'ACTIVE')
  const planetRow = (id: string) => planet.members.find((m) => m.userId === id && m.status === 'ACTIVE')
  // The actor's own membership goes through the travel access rules (a travel ban in force is TRV008).
  const { membership: actorTravel } = await loadTravelAccess(tx, actor, planet.travelId, now)
  const actorPlanet = planetRow(actor.id)
  let rank: StaffRank
  if (isPlatformAdmin(actor.role)) rank = 'ADMIN'
  else if (isTravelStaff(actorTravel)) rank = actorTravel?.role === 'HOST' ? 'HOST' : 'MODERATOR'
  else if (actorTravel && actorPlanet?.role === 'MODERATOR') rank = 'MODERATOR'
  else throw new AppError(actorTravel ? 'TRV011' : 'TRV002')
  const target = planetRow(userId)
  if (!target) throw new AppError('MOD005')
  const targetTravel = travelRow(userId)
  assertMayActOn({
    actorId: actor.id,
    rank,
    targetId: userId,
    targetIsHost: targetTravel?.role === 'HOST',
    targetIsStaff: targetTravel?.role === 'MODERATOR' || target.role === 'MODERATOR',
  })
  return { planet, target }
}

export async function applyMute(
  tx: Tx,
  actor: Actor,
  input: { planetId: string; userId: string; until: Date; reason?: string },
) {
  const { planet, target } = await requirePlanetModerator(tx, actor, input.planetId, input.userId)
  await tx.planetUser.update({
    where: { id: target.id },
    data: { mutedUntil: input.until, mutedById: actor.id, muteReason: input.reason ?? null },
  })
  const notice = await tx.notification.create({
    data: {
      userId: input.userId,
      type: 'MUTED',
      title: `You were muted in ${planet.name}`,
      body: `${input.reason ? `${input.reason} ` : ''}(until ${input.until.toISOString()})`,
      data: { travelId: planet.travelId, planetId: planet.id },
    },
  })
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'planet.member.muted',
    targetType: 'user',
    targetId: input.userId,
    details: {
      planetId: planet.id,
      travelId: planet.travelId,
      until: input.until.toISOString(),
      reason: input.reason ?? null,
    },
  })
  return { noticeId: notice.id }
}

export async function mute(rt: Runtime, actor: Actor, input: TMuteInput) {
  const until = muteEndsAt(input.duration, rt.clock.now())
  const { noticeId } = await rt.db.$transaction((tx) => applyMute(tx, actor, { ...input, until }))
  await notifyCreated(rt, noticeId)
  return { planetId: input.planetId, userId: input.userId, mutedUntil: until }
}

export async function unmute(rt: Runtime, actor: Actor, input: TUnmuteInput) {
  await rt.db.$transaction(async (tx) => {
    const { planet, target } = await requirePlanetModerator(
      tx,
      actor,
      input.planetId,
      input.userId,
      rt.clock.now(),
    )
    await tx.planetUser.update({
      where: { id: target.id },
      data: { mutedUntil: null, mutedById: null, muteReason: null },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'planet.member.unmuted',
      targetType: 'user',
      targetId: input.userId,
      details: { planetId: planet.id, travelId: planet.travelId },
    })
  })
  return { planetId: input.planetId, userId: input.userId, mutedUntil: null }
}
