// Timed bans end by themselves. Access checks already lift an expired ban the moment the user comes back
// (travel-access.ts), so nobody is ever refused by a stale ban; this sweep, run by the scheduler, also
// clears the ones nobody touched, so member lists and the admin app stop showing them as banned.
import type { Runtime } from '../runtime.ts'
import { liftExpiredBan } from '../travels/travel-access.ts'
import { recordAudit } from './audit.ts'

const BATCH = 500

export async function liftExpiredBans(rt: Runtime) {
  const now = rt.clock.now()
  const expiredTravelBans = await rt.db.travelUser.findMany({
    where: { status: 'BANNED', bannedUntil: { lte: now } },
    select: { travelId: true, userId: true },
    take: BATCH,
  })
  let travelBans = 0
  for (const ban of expiredTravelBans) {
    // One transaction per ban: conditional on the row still being that expired ban.
    if (await liftExpiredBan(rt.db, ban.travelId, ban.userId, now)) travelBans += 1
  }
  const platformBans = await rt.db.$transaction(async (tx) => {
    const expired = await tx.user.findMany({
      where: { isBanned: true, bannedUntil: { lte: now } },
      select: { id: true },
      take: BATCH,
    })
    if (expired.length === 0) return 0
    const ids = expired.map((u) => u.id)
    const lifted = await tx.user.updateMany({
      where: { id: { in: ids }, isBanned: true, bannedUntil: { lte: now } },
      data: { isBanned: false, banReason: null, bannedUntil: null },
    })
    for (const id of ids) {
      await recordAudit(tx, { actorId: null, action: 'user.ban.expired', targetType: 'user', targetId: id })
    }
    return lifted.count
  })
  return { travelBans, platformBans }
}
