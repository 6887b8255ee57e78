// The access rows of planet-access.ts read with raw SQL, for hot paths (send, history) that fold the
// access check into a statement of their own: the same columns, mapped to the same shape, so the same
// rules in requirePlanetAccess decide. Use with `planets p` and `travels t` in the FROM clause.
import { Prisma } from '@connecto/db'
import type { PlanetAccessRows } from './planet-access.ts'

export type PlanetAccessRow = {
  planetId: string | null
  type: string
  status: string
  travelId: string
  timeRestrictionType: string
  timeRestriction: unknown
  timeZone: string
  isFrozen: boolean
  travelDeletedAt: Date | null
  travelRole: string | null
  travelStatus: string | null
  bannedUntil: Date | null
  planetRole: string | null
  planetStatus: string | null
  mutedUntil: Date | null
}

export const planetAccessColumns = Prisma.sql`
  p.id AS "planetId", p.type::text AS type, p.status::text AS status, p.travel_id AS "travelId",
  p.time_restriction_type::text AS "timeRestrictionType", p.time_restriction AS "timeRestriction",
  p.time_zone AS "timeZone", t.is_frozen AS "isFrozen", t.deleted_at AS "travelDeletedAt",
  tu.role::text AS "travelRole", tu.status::text AS "travelStatus", tu.banned_until AS "bannedUntil",
  pu.role::text AS "planetRole", pu.status::text AS "planetStatus", pu.muted_until AS "mutedUntil"`

/** The user's travel and planet memberships, joined to `p` and `t` (`userId`: a value or a column). */
export const planetMembershipJoins = (userId: string | Prisma.Sql) => Prisma.sql`
  LEFT JOIN travel_users tu ON tu.travel_id = p.travel_id AND tu.user_id = ${userId}
  LEFT JOIN planet_users pu ON pu.planet_id = p.id AND pu.user_id = ${userId}`

/** Null when the planet does not exist or is deleted (itself or with its travel). */
export function toPlanetAccessRows(row: PlanetAccessRow): PlanetAccessRows | null {
  if (!row.planetId || row.status === 'DELETED' || row.travelDeletedAt) return null
  return {
    id: row.planetId,
    type: row.type,
    status: row.status,
    travelId: row.travelId,
    timeRestrictionType: row.timeRestrictionType,
    timeRestriction: row.timeRestriction,
    timeZone: row.timeZone,
    travel: {
      isFrozen: row.isFrozen,
      deletedAt: row.travelDeletedAt,
      members: row.travelStatus
        ? [{ role: row.travelRole, status: row.travelStatus, bannedUntil: row.bannedUntil }]
        : [],
    },
    members: row.planetStatus
      ? [{ role: row.planetRole, status: row.planetStatus, mutedUntil: row.mutedUntil }]
      : [],
  } as unknown as PlanetAccessRows
}

/** A travel ban whose end has passed: the full access path lifts it before deciding. */
export const hasExpiredBan = (row: PlanetAccessRow, now: Date) =>
  row.travelStatus === 'BANNED' && row.bannedUntil !== null && row.bannedUntil <= now
