// The two SQL statements of a send. The first reads everything the send decides on (access rows, an
// earlier send with the same clientMessageId, the reply target, mentioned members); the second inserts
// the message, takes the planet's next event sequence and stores the event — one statement, so the
// planet row (the sequence) stays locked only for that statement and no per-send transaction is opened.
import { type DbOrTx, Prisma } from '@connecto/db'
import type { MessageView, PlanetEvent } from '@connecto/shared'
import type { PlanetAccessRows } from '../planets/planet-access.ts'
import {
  type PlanetAccessRow,
  planetAccessColumns,
  planetMembershipJoins,
  toPlanetAccessRows,
} from '../planets/planet-access-sql.ts'
import type { ReplyTarget } from './message-view.ts'

type SendContextRow = PlanetAccessRow & {
  existingId: string | null
  nickname: string | null
  mentions: string[]
  replyId: string | null
  replyPlanetId: string | null
  replySenderId: string | null
  replyType: string | null
  replyContent: string | null
  replyDeletedAt: Date | null
  replyNickname: string | null
}

/** User ids of the planet's active members whose nickname is one of `names` (lower-cased). */
export function mentionedMembers(planetId: string, names: string[]) {
  return Prisma.sql`
    SELECT coalesce(array_agg(DISTINCT mu.user_id ORDER BY mu.user_id), '{}')
      FROM planet_users mu JOIN profiles mp ON mp.user_id = mu.user_id
     WHERE mu.planet_id = ${planetId} AND mu.status = 'ACTIVE' AND lower(mp.nickname) = ANY(${names}::text[])`
}

export async function resolveMentions(db: DbOrTx, planetId: string, names: string[]) {
  if (names.length === 0) return []
  const [row] = await db.$queryRaw<{ ids: string[] }[]>`SELECT (${mentionedMembers(planetId, names)}) AS ids`
  return row?.ids ?? []
}

export type SendContext = {
  existingId: string | null
  senderNickname: string | null
  mentions: string[]
  /** Null when the planet does not exist (or is deleted with its travel). */
  planet: PlanetAccessRows | null
  replyTo: (ReplyTarget & { planetId: string }) | null
}

export async function loadSendContext(
  db: DbOrTx,
  input: {
    senderId: string
    planetId: string
    clientMessageId: string | null
    replyToId?: string
    mentionNames: string[]
  },
): Promise<SendContext> {
  const { senderId, planetId } = input
  const [row] = await db.$queryRaw<SendContextRow[]>`
    SELECT
      (SELECT id FROM messages WHERE sender_id = ${senderId} AND client_message_id = ${input.clientMessageId})
        AS "existingId",
      (SELECT nickname FROM profiles WHERE user_id = ${senderId}) AS nickname,
      (${mentionedMembers(planetId, input.mentionNames)}) AS mentions,
      ${planetAccessColumns},
      r.id AS "replyId", r.planet_id AS "replyPlanetId", r.sender_id AS "replySenderId",
      r.type::text AS "replyType", r.content AS "replyContent", r.deleted_at AS "replyDeletedAt",
      rp.nickname AS "replyNickname"
    FROM (SELECT 1) AS one
    LEFT JOIN planets p ON p.id = ${planetId}
    LEFT JOIN travels t ON t.id = p.travel_id
    ${planetMembershipJoins(senderId)}
    LEFT JOIN messages r ON r.id = ${input.replyToId ?? null}
    LEFT JOIN profiles rp ON rp.user_id = r.sender_id`
  if (!row) throw new Error('send context query returned no row')
  return {
    existingId: row.existingId,
    senderNickname: row.nickname,
    mentions: row.mentions,
    planet: toPlanetAccessRows(row),
    replyTo: row.replyId
      ? {
          id: row.replyId,
          planetId: row.replyPlanetId ?? '',
          senderId: row.replySenderId,
          type: row.replyType ?? 'TEXT',
          content: row.replyContent,
          deletedAt: row.replyDeletedAt,
          sender: row.replyNickname === null ? null : { profile: { nickname: row.replyNickname } },
        }
      : null,
  }
}

export type MessageDraft = {
  view: MessageView
  searchableText: string | null
}

/**
 * Inserts the message and its `message.new` event in one statement. Returns null when a message with
 * the same (sender, clientMessageId) already exists — a concurrent retry won — and then changes nothing.
 */
export async function insertMessageWithEvent(db: DbOrTx, { view, searchableText }: MessageDraft) {
  const body = { type: 'message.new', planetId: view.planetId, message: view }
  const metadata = view.metadata === null ? null : JSON.stringify(view.metadata)
  const createdAt = new Date(view.createdAt)
  const rows = await db.$queryRaw<{ seq: number }[]>`
    WITH inserted AS (
      INSERT INTO messages (id, planet_id, sender_id, type, content, metadata, client_message_id,
                            reply_to_id, forwarded_from_id, mentions, searchable_text, created_at)
      VALUES (${view.id}, ${view.planetId}, ${view.senderId}, ${view.type}::"MessageType", ${view.content},
              ${metadata}::jsonb, ${view.clientMessageId}, ${view.replyToId},
              ${view.forwardedFrom?.messageId ?? null}, ${view.mentions}::text[], ${searchableText},
              ${createdAt})
      ON CONFLICT (sender_id, client_message_id) DO NOTHING
      RETURNING id
    ), bumped AS (
      UPDATE planets SET last_event_seq = last_event_seq + 1, last_message_at = ${createdAt}
       WHERE id = ${view.planetId} AND EXISTS (SELECT 1 FROM inserted)
      RETURNING last_event_seq
    )
    INSERT INTO planet_events (planet_id, seq, type, payload, created_at)
    SELECT ${view.planetId}, last_event_seq, 'message.new',
           ${JSON.stringify(body)}::jsonb || jsonb_build_object('seq', last_event_seq), ${createdAt}
      FROM bumped
    RETURNING seq`
  const seq = rows[0]?.seq
  if (seq === undefined) return null
  return { ...body, seq: Number(seq) } as PlanetEvent & { type: 'message.new' }
}
