// Travel lifecycle beyond its dates: platform admins freeze a travel (no joins, no sends) and restore a
// deleted one; the host or an admin soft-deletes it. Each change writes its audit row in its transaction.
import type { Tx } from '@connecto/db'
import {
  isPlatformAdmin,
  type TDeleteTravelInput,
  type TFreezeTravelInput,
  type TRestoreTravelInput,
  type TUnfreezeTravelInput,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { recordAudit } from '../moderation/audit.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, loadTravelAccess, lockTravel, requireTravelManager } from './travel-access.ts'

function requireAdmin(actor: Actor) {
  if (!isPlatformAdmin(actor.role)) throw new AppError('AUTH011')
}

async function setFrozen(rt: Runtime, actor: Actor, travelId: string, isFrozen: boolean) {
  requireAdmin(actor)
  await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, travelId)
    const { travel } = await loadTravelAccess(tx, actor, travelId, rt.clock.now())
    if (travel.isFrozen === isFrozen) return
    await tx.travel.update({ where: { id: travelId }, data: { isFrozen } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: isFrozen ? 'travel.frozen' : 'travel.unfrozen',
      targetType: 'travel',
      targetId: travelId,
    })
  })
  return { travelId, isFrozen }
}

export const freezeTravel = (rt: Runtime, actor: Actor, input: TFreezeTravelInput) =>
  setFrozen(rt, actor, input.travelId, true)

export const unfreezeTravel = (rt: Runtime, actor: Actor, input: TUnfreezeTravelInput) =>
  setFrozen(rt, actor, input.travelId, false)

/** Soft delete: the travel disappears from every read and join, and an admin can bring it back. */
export async function deleteTravel(rt: Runtime, actor: Actor, input: TDeleteTravelInput) {
  const deletedAt = rt.clock.now()
  await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    await requireTravelManager(tx, actor, input.travelId, rt.clock.now())
    await tx.travel.update({ where: { id: input.travelId }, data: { deletedAt } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.deleted',
      targetType: 'travel',
      targetId: input.travelId,
    })
  })
  return { travelId: input.travelId, deletedAt }
}

export async function restoreTravel(rt: Runtime, actor: Actor, input: TRestoreTravelInput) {
  requireAdmin(actor)
  await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    const travel = await findTravel(tx, input.travelId)
    if (!travel.deletedAt) return
    await tx.travel.update({ where: { id: input.travelId }, data: { deletedAt: null } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.restored',
      targetType: 'travel',
      targetId: input.travelId,
      details: { deletedAt: travel.deletedAt.toISOString() },
    })
  })
  return { travelId: input.travelId, deletedAt: null }
}

/** Deleted travels included, unlike loadTravelAccess. */
async function findTravel(tx: Tx, travelId: string) {
  const travel = await tx.travel.findUnique({ where: { id: travelId }, select: { deletedAt: true } })
  if (!travel) throw new AppError('TRV001')
  return travel
}
