// Who may moderate a travel: a platform admin, or its active host or moderators.
import type { DbOrTx } from '@connecto/db'
import { isTravelStaff } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { type Actor, loadTravelAccess } from '../travels/travel-access.ts'

export type StaffRank = 'ADMIN' | 'HOST' | 'MODERATOR'

export async function requireTravelModerator(
  db: DbOrTx,
  actor: Actor,
  travelId: string,
  now?: Date,
): Promise<StaffRank> {
  const access = await loadTravelAccess(db, actor, travelId, now)
  if (access.isAdmin) return 'ADMIN'
  if (!access.membership) throw new AppError('TRV002')
  if (!isTravelStaff(access.membership)) throw new AppError('TRV011')
  return access.membership.role === 'HOST' ? 'HOST' : 'MODERATOR'
}

/** Hosts are out of reach; other staff only for the host or an admin; nobody acts on themselves. */
export function assertMayActOn(opts: {
  actorId: string
  rank: StaffRank
  targetId: string
  targetIsHost: boolean
  targetIsStaff: boolean
}) {
  if (opts.actorId === opts.targetId || opts.targetIsHost) throw new AppError('TRV012')
  if (opts.targetIsStaff && opts.rank === 'MODERATOR') throw new AppError('TRV012')
}
