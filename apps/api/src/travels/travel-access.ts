// Who the caller is in a travel: loads the travel and the caller's membership, and refuses early with
// the right code. Moderation paths load inside their transaction with the travel row locked.
import type { DbOrTx, Tx } from '@connecto/db'
import { isPlatformAdmin, isTravelStaff, type PlatformRole } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'

export type Actor = { id: string; role: PlatformRole }

export async function loadTravelAccess(db: DbOrTx, actor: Actor, travelId: string) {
  const travel = await db.travel.findUnique({
    where: { id: travelId },
    include: { members: { where: { userId: actor.id } } },
  })
  if (!travel || travel.deletedAt) throw new AppError('TRV001')
  const { members, ...rest } = travel
  const membership = members[0]?.status === 'ACTIVE' ? members[0] : null
  return { travel: rest, membership, isAdmin: isPlatformAdmin(actor.role) }
}

/** Serialises membership changes of one travel, so two moderators cannot race (e.g. two hosts). */
export async function lockTravel(tx: Tx, travelId: string) {
  await tx.$queryRaw`SELECT id FROM travels WHERE id = ${travelId} FOR UPDATE`
}

/** An active member, or a platform admin. */
export async function requireTravelReader(db: DbOrTx, actor: Actor, travelId: string) {
  const access = await loadTravelAccess(db, actor, travelId)
  if (!access.membership && !access.isAdmin) throw new AppError('TRV002')
  return access
}

/** The active host, or a platform admin. */
export async function requireTravelManager(db: DbOrTx, actor: Actor, travelId: string) {
  const access = await loadTravelAccess(db, actor, travelId)
  if (access.isAdmin || access.membership?.role === 'HOST') return access
  if (!access.membership) throw new AppError('TRV002')
  throw new AppError('TRV009')
}

/** The active host only: ownership changes are the host's own decision. */
export async function requireTravelHost(db: DbOrTx, actor: Actor, travelId: string) {
  const access = await loadTravelAccess(db, actor, travelId)
  if (!access.membership) throw new AppError('TRV002')
  if (access.membership.role !== 'HOST') throw new AppError('TRV009')
  return { ...access, membership: access.membership }
}

/** The active host or a moderator. */
export async function requireTravelStaff(db: DbOrTx, actor: Actor, travelId: string) {
  const access = await loadTravelAccess(db, actor, travelId)
  if (!access.membership) throw new AppError('TRV002')
  if (!isTravelStaff(access.membership)) throw new AppError('TRV011')
  return { ...access, membership: access.membership }
}

/** The target's active membership, or TRV013. */
export async function requireActiveMember(db: DbOrTx, travelId: string, userId: string) {
  const member = await db.travelUser.findUnique({ where: { travelId_userId: { travelId, userId } } })
  if (member?.status !== 'ACTIVE') throw new AppError('TRV013')
  return member
}
