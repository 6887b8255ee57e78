// Who the caller is in a travel: loads the travel and the caller's membership, and refuses early with
// the right code. Moderation paths load inside their transaction with the travel row locked.
import type { DbOrTx, Tx } from '@connecto/db'
import { isPlatformAdmin, type PlatformRole } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'

export type Actor = { id: string; role: PlatformRole }

/**
 * A travel ban in force refuses everything with TRV008 (platform admins excepted); one past its
 * `bannedUntil` is lifted on the spot, as planet access does. `now` defaults to the wall clock.
 */
export async function loadTravelAccess(db: DbOrTx, actor: Actor, travelId: string, now = new Date()) {
  const travel = await db.travel.findUnique({
    where: { id: travelId },
    include: { members: { where: { userId: actor.id } } },
  })
  if (!travel || travel.deletedAt) throw new AppError('TRV001')
  const { members, ...rest } = travel
  const isAdmin = isPlatformAdmin(actor.role)
  let member = members[0]
  if (member?.status === 'BANNED') {
    if (member.bannedUntil && member.bannedUntil <= now) {
      if (await liftExpiredBan(db, travelId, actor.id, now)) {
        member = (await db.travelUser.findUnique({ where: { id: member.id } })) ?? undefined
      }
    }
    if (member?.status === 'BANNED' && !isAdmin) throw new AppError('TRV008')
  }
  const membership = member?.status === 'ACTIVE' ? member : null
  return { travel: rest, membership, isAdmin }
}

/**
 * Lifts a ban whose `bannedUntil` has passed. Conditional on the row still being that expired ban, so a
 * fresh ban in between is never undone. Atomic: runs in `db` when it is a transaction, else opens one.
 */
export async function liftExpiredBan(db: DbOrTx, travelId: string, userId: string, now: Date) {
  const lift = async (tx: Tx) => {
    const lifted = await tx.travelUser.updateMany({
      where: { travelId, userId, status: 'BANNED', bannedUntil: { lte: now } },
      data: { status: 'ACTIVE', banReason: null, bannedUntil: null, bannedById: null, leftAt: null },
    })
    if (lifted.count === 0) return false
    await tx.planetUser.updateMany({
      where: { userId, status: 'BANNED', planet: { travelId } },
      data: { status: 'ACTIVE' },
    })
    return true
  }
  return '$transaction' in db ? db.$transaction(lift) : lift(db)
}

/** Serialises membership changes of one travel, so two moderators cannot race (e.g. two hosts). */
export async function lockTravel(tx: Tx, travelId: string) {
  await tx.$queryRaw`SELECT id FROM travels WHERE id = ${travelId} FOR UPDATE`
}

/** An active member, or a platform admin. */
export async function requireTravelReader(db: DbOrTx, actor: Actor, travelId: string, now?: Date) {
  const access = await loadTravelAccess(db, actor, travelId, now)
  if (!access.membership && !access.isAdmin) throw new AppError('TRV002')
  return access
}

/** The active host, or a platform admin. */
export async function requireTravelManager(db: DbOrTx, actor: Actor, travelId: string, now?: Date) {
  const access = await loadTravelAccess(db, actor, travelId, now)
  if (access.isAdmin || access.membership?.role === 'HOST') return access
  if (!access.membership) throw new AppError('TRV002')
  throw new AppError('TRV009')
}

/** The active host only: ownership changes are the host's own decision. */
export async function requireTravelHost(db: DbOrTx, actor: Actor, travelId: string, now?: Date) {
  const access = await loadTravelAccess(db, actor, travelId, now)
  if (!access.membership) throw new AppError('TRV002')
  if (access.membership.role !== 'HOST') throw new AppError('TRV009')
  return { ...access, membership: access.membership }
}

/** The target's active membership, or TRV013. */
export async function requireActiveMember(db: DbOrTx, travelId: string, userId: string) {
  const member = await db.travelUser.findUnique({ where: { travelId_userId: { travelId, userId } } })
  if (member?.status !== 'ACTIVE') throw new AppError('TRV013')
  return member
}
