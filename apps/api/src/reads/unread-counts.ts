// Unread counts from read watermarks, for any number of planets in ONE statement: a lateral count per
// membership over the (planet_id, created_at, id) index, starting after the member's watermark (or
// after they joined, before their first read). Own, deleted and SYSTEM messages never count; only
// active memberships of active planets in travels the user is still an active member of appear, so a
// ban or leave makes the counts disappear.
import { type DbOrTx, Prisma } from '@connecto/db'
import type { UnreadPlanet } from '@connecto/shared'

export type UnreadRow = UnreadPlanet & { lastEventSeq: number }

export type UnreadScope = { travelId?: string; planetIds?: readonly string[] }

export async function loadUnreadCounts(db: DbOrTx, userId: string, scope: UnreadScope = {}) {
  const travelFilter = scope.travelId ? Prisma.sql`AND p.travel_id = ${scope.travelId}` : Prisma.empty
  const planetFilter = scope.planetIds
    ? Prisma.sql`AND pu.planet_id = ANY(${[...scope.planetIds]}::text[])`
    : Prisma.empty
  return db.$queryRaw<UnreadRow[]>`
    SELECT pu.planet_id AS "planetId", p.travel_id AS "travelId", p.last_event_seq AS "lastEventSeq",
           c.n AS unread
    FROM planet_users pu
    JOIN planets p ON p.id = pu.planet_id AND p.status = 'ACTIVE'
    JOIN travels t ON t.id = p.travel_id AND t.deleted_at IS NULL
    JOIN travel_users tu ON tu.travel_id = p.travel_id AND tu.user_id = pu.user_id AND tu.status = 'ACTIVE'
    LEFT JOIN messages w ON w.id = pu.last_read_message_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS n FROM messages m
      WHERE m.planet_id = pu.planet_id
        AND m.created_at >= COALESCE(w.created_at, pu.joined_at)
        AND (m.created_at, m.id) > (COALESCE(w.created_at, pu.joined_at), COALESCE(w.id, ''))
        AND m.deleted_at IS NULL
        AND m.sender_id IS DISTINCT FROM pu.user_id
        AND m.type <> 'SYSTEM'
    ) c
    WHERE pu.user_id = ${userId} AND pu.status = 'ACTIVE' ${travelFilter} ${planetFilter}
    ORDER BY p.travel_id, pu.planet_id`
}

export const totalUnread = (rows: readonly UnreadPlanet[]) => rows.reduce((sum, r) => sum + r.unread, 0)

/** Per-travel totals, in first-seen order. */
export function unreadByTravel(rows: readonly UnreadPlanet[]) {
  const totals = new Map<string, number>()
  for (const r of rows) totals.set(r.travelId, (totals.get(r.travelId) ?? 0) + r.unread)
  return totals
}

/** The client-facing shape: planets, per-travel totals and the overall total. */
export function summarizeUnread(rows: readonly UnreadRow[]) {
  const planets = rows.map(({ planetId, travelId, unread }) => ({ planetId, travelId, unread }))
  const travels = [...unreadByTravel(planets)].map(([travelId, unread]) => ({ travelId, unread }))
  return { planets, travels, total: totalUnread(planets) }
}
