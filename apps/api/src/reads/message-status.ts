// Status of the caller's own messages: sent → delivered (reached a device of at least one other
// member, by the delivered watermarks) → read (some other member's read watermark is at or past it,
// counting only members who show read receipts; a hidden reader still counts as delivered).
import { Prisma } from '@connecto/db'
import type { MessageStatus, TMessageStatusInput } from '@connecto/shared'
import { requirePlanetReader } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'

export async function messageStatuses(rt: Runtime, actor: Actor, input: TMessageStatusInput) {
  await requirePlanetReader(rt, actor.id, input.planetId)
  const idFilter = input.messageIds ? Prisma.sql`AND m.id = ANY(${input.messageIds}::text[])` : Prisma.empty
  return rt.db.$queryRaw<{ messageId: string; status: MessageStatus }[]>`
    WITH mine AS (
      SELECT m.id, m.created_at FROM messages m
      WHERE m.planet_id = ${input.planetId} AND m.sender_id = ${actor.id} ${idFilter}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT ${input.messageIds?.length ?? input.limit}
    ),
    others AS (
      SELECT pu.last_read_message_id, pu.last_delivered_message_id,
             COALESCE(p.preferences #>> '{privacy,readReceipts}', 'true') <> 'false' AS receipts
      FROM planet_users pu LEFT JOIN profiles p ON p.user_id = pu.user_id
      WHERE pu.planet_id = ${input.planetId} AND pu.user_id <> ${actor.id}
    ),
    read_mark AS (
      SELECT r.created_at, r.id FROM others o JOIN messages r ON r.id = o.last_read_message_id
      WHERE o.receipts
      ORDER BY r.created_at DESC, r.id DESC LIMIT 1
    ),
    delivered_mark AS (
      SELECT d.created_at, d.id FROM others o
      JOIN messages d ON d.id IN (o.last_delivered_message_id, o.last_read_message_id)
      ORDER BY d.created_at DESC, d.id DESC LIMIT 1
    )
    SELECT mine.id AS "messageId",
      CASE
        WHEN EXISTS (SELECT 1 FROM read_mark r WHERE (r.created_at, r.id) >= (mine.created_at, mine.id)) THEN 'read'
        WHEN EXISTS (SELECT 1 FROM delivered_mark d WHERE (d.created_at, d.id) >= (mine.created_at, mine.id))
          THEN 'delivered'
        ELSE 'sent'
      END AS status
    FROM mine
    ORDER BY mine.created_at DESC, mine.id DESC`
}
