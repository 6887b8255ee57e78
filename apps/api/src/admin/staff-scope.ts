// Which travels a signed-in user may see in the admin app: every one for a platform admin, otherwise the
// travels where they are an active host or moderator. Nobody else gets an admin view of anything.
import type { DbOrTx } from '@connecto/db'
import { isPlatformAdmin } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import type { Actor } from '../travels/travel-access.ts'

export type StaffScope = { kind: 'all' } | { kind: 'travels'; travelIds: string[] }

export async function loadStaffScope(db: DbOrTx, actor: Actor): Promise<StaffScope> {
  if (isPlatformAdmin(actor.role)) return { kind: 'all' }
  const staffed = await db.travelUser.findMany({
    where: { userId: actor.id, status: 'ACTIVE', role: { in: ['HOST', 'MODERATOR'] } },
    select: { travelId: true },
  })
  if (staffed.length === 0) throw new AppError('AUTH011')
  return { kind: 'travels', travelIds: staffed.map((m) => m.travelId) }
}
