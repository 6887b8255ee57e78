// Moving read watermarks forward, one statement each: a watermark only ever moves to a later message
// (by created_at, then id) of the same planet, so late or repeated marks change nothing.
import { type DbOrTx, Prisma } from '@connecto/db'

export type MovedWatermark = { planetId: string; messageId: string; createdAt: Date }

/** Moves the member's watermark in one planet up to `messageId`; empty when it did not move. */
export function advanceReadWatermark(
  db: DbOrTx,
  opts: { userId: string; planetId: string; messageId: string; now: Date },
) {
  return db.$queryRaw<MovedWatermark[]>`
    UPDATE planet_users pu SET last_read_message_id = m.id, last_read_at = ${opts.now}
    FROM messages m
    WHERE m.id = ${opts.messageId} AND m.planet_id = ${opts.planetId}
      AND pu.planet_id = ${opts.planetId} AND pu.user_id = ${opts.userId} AND pu.status = 'ACTIVE'
      AND NOT EXISTS (
        SELECT 1 FROM messages w
        WHERE w.id = pu.last_read_message_id AND (w.created_at, w.id) >= (m.created_at, m.id)
      )
    RETURNING pu.planet_id AS "planetId", m.id AS "messageId", m.created_at AS "createdAt"`
}

/** Moves every active membership's watermark (in one travel, or everywhere) to its planet's latest message. */
export function advanceAllReadWatermarks(db: DbOrTx, opts: { userId: string; travelId?: string; now: Date }) {
  const travelFilter = opts.travelId ? Prisma.sql`AND p.travel_id = ${opts.travelId}` : Prisma.empty
  return db.$queryRaw<MovedWatermark[]>`
    WITH targets AS (
      SELECT pu.id AS member_id, latest.id AS message_id, latest.created_at
      FROM planet_users pu
      JOIN planets p ON p.id = pu.planet_id AND p.status = 'ACTIVE'
      JOIN travels t ON t.id = p.travel_id AND t.deleted_at IS NULL
      JOIN travel_users tu ON tu.travel_id = p.travel_id AND tu.user_id = pu.user_id AND tu.status = 'ACTIVE'
      CROSS JOIN LATERAL (
        SELECT m.id, m.created_at FROM messages m
        WHERE m.planet_id = pu.planet_id
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT 1
      ) latest
      WHERE pu.user_id = ${opts.userId} AND pu.status = 'ACTIVE' ${travelFilter}
    )
    UPDATE planet_users pu SET last_read_message_id = tg.message_id, last_read_at = ${opts.now}
    FROM targets tg
    WHERE pu.id = tg.member_id
      AND NOT EXISTS (
        SELECT 1 FROM messages w
        WHERE w.id = pu.last_read_message_id AND (w.created_at, w.id) >= (tg.created_at, tg.message_id)
      )
    RETURNING pu.planet_id AS "planetId", tg.message_id AS "messageId", tg.created_at AS "createdAt"`
}
