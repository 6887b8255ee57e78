// The two SQL statements of a send, set-based so that concurrent sends share them (send-batching.ts).
// The first reads everything each send decides on (access rows, an earlier send with the same
// clientMessageId, the reply target, mentioned members); the second inserts the messages, takes each
// planet's next event sequences and stores the events — one statement, so planet rows (the sequences)
// stay locked only for that statement, taken in id order, and no per-send transaction is opened.
import { type Db, type DbOrTx, Prisma, rawRows, searchGramsOf } from '@connecto/db'
import type { MessageView, PlanetEvent } from '@connecto/shared'
import { withJsonText } from '../json-text.ts'
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

export type SendContextInput = {
  senderId: string
  planetId: string
  clientMessageId: string | null
  replyToId?: string
  mentionNames: string[]
}

/**
 * One send's row of the context statement's input. The input is a single jsonb value rather than one
 * array per column, so Postgres can't see how many rows it holds: every batch size plans alike and the
 * statement's generic plan is kept. (With arrays, each call was planned afresh for its batch size, and
 * planning these joins cost ~15× executing them.) The lookups per row are LATERAL subqueries with a
 * LIMIT, which Postgres can't flatten into joins: each stays an index probe whatever the row estimate,
 * where the estimate would otherwise pick hash joins over whole membership tables.
 */
const contextInputRow = (i: SendContextInput, n: number) => ({
  ord: n + 1,
  sender_id: i.senderId,
  planet_id: i.planetId,
  cmid: i.clientMessageId,
  reply_id: i.replyToId ?? null,
  names: i.mentionNames,
})

/** The contexts of many sends in one statement, in the order of `inputs` (on the pool: no transaction). */
export async function loadSendContexts(db: Db, inputs: SendContextInput[]): Promise<SendContext[]> {
  const rows = await rawRows<SendContextRow & { ord: number }>(
    db,
    'send_contexts',
    sendContextsStatement(inputs),
  )
  if (rows.length !== inputs.length)
    throw new Error('send context query returned a row count unlike its input')
  return rows.map(toSendContext)
}

export function sendContextsStatement(inputs: SendContextInput[]) {
  return Prisma.sql`
    SELECT
      i.ord::int AS ord,
      (SELECT id FROM messages WHERE sender_id = i.sender_id AND client_message_id = i.cmid) AS "existingId",
      (SELECT nickname FROM profiles WHERE user_id = i.sender_id) AS nickname,
      CASE WHEN cardinality(i.names) = 0 THEN '{}'::text[] ELSE (
        SELECT coalesce(array_agg(DISTINCT mu.user_id ORDER BY mu.user_id), '{}')
          FROM planet_users mu JOIN profiles mp ON mp.user_id = mu.user_id
         WHERE mu.planet_id = i.planet_id AND mu.status = 'ACTIVE' AND lower(mp.nickname) = ANY(i.names)
      ) END AS mentions,
      access.*, reply.*
    FROM jsonb_to_recordset(${JSON.stringify(inputs.map(contextInputRow))}::jsonb)
         AS i(ord int, sender_id text, planet_id text, cmid text, reply_id text, names text[])
    LEFT JOIN LATERAL (
      SELECT ${planetAccessColumns}
        FROM planets p LEFT JOIN travels t ON t.id = p.travel_id
        ${planetMembershipJoins(Prisma.sql`i.sender_id`)}
       WHERE p.id = i.planet_id
       LIMIT 1
    ) access ON true
    LEFT JOIN LATERAL (
      SELECT r.id AS "replyId", r.planet_id AS "replyPlanetId", r.sender_id AS "replySenderId",
             r.type::text AS "replyType", r.content AS "replyContent", r.deleted_at AS "replyDeletedAt",
             rp.nickname AS "replyNickname"
        FROM messages r LEFT JOIN profiles rp ON rp.user_id = r.sender_id
       WHERE r.id = i.reply_id
       LIMIT 1
    ) reply ON true
    ORDER BY i.ord`
}

function toSendContext(row: SendContextRow): SendContext {
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

export type MessageNewEvent = PlanetEvent & { type: 'message.new' }

/**
 * Inserts the messages and their `message.new` events in one statement; per draft, in order, its event,
 * or null when a message with the same (sender, clientMessageId) already exists — a concurrent retry won —
 * and then nothing was written for it. Planet rows are locked in id order, so concurrent batches that
 * touch the same planets cannot deadlock.
 */
export async function insertMessagesWithEvents(
  db: Db,
  drafts: MessageDraft[],
): Promise<(MessageNewEvent | null)[]> {
  const statement = insertStatement(drafts)
  return eventsOf(statement, await rawRows<{ id: string; seq: number }>(db, 'send_insert', statement.sql))
}

/**
 * One draft's row of the insert statement's input, as JSON text: its columns, then its event body,
 * whose text is spliced in as made. One jsonb value for the whole batch, like the context statement's:
 * no array literal to escape per column, and one plan for every batch size.
 */
function insertInputRow(d: MessageDraft, ord: number, bodyText: string) {
  const { view } = d
  const columns = JSON.stringify({
    ord,
    id: view.id,
    planet_id: view.planetId,
    sender_id: view.senderId,
    type: view.type,
    content: view.content,
    metadata: view.metadata,
    cmid: view.clientMessageId,
    reply_to_id: view.replyToId,
    forwarded_from_id: view.forwardedFrom?.messageId ?? null,
    mentions: view.mentions,
    searchable_text: d.searchableText,
    search_grams: searchGramsOf(d.searchableText),
    created_at: view.createdAt,
  })
  return `${columns.slice(0, -1)},"body":${bodyText}}`
}

function insertStatement(drafts: MessageDraft[]) {
  const bodies = drafts.map(({ view }) => ({
    type: 'message.new' as const,
    planetId: view.planetId,
    message: view,
  }))
  const bodyTexts = bodies.map((b) => JSON.stringify(b))
  const input = `[${drafts.map((d, i) => insertInputRow(d, i + 1, bodyTexts[i]!)).join(',')}]`
  const sql = Prisma.sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb)
        AS i(ord int, id text, planet_id text, sender_id text, type text, content text, metadata jsonb,
             cmid text, reply_to_id text, forwarded_from_id text, mentions text[], searchable_text text,
             search_grams text[], created_at timestamptz, body jsonb)
    ), inserted AS (
      INSERT INTO messages (id, planet_id, sender_id, type, content, metadata, client_message_id,
                            reply_to_id, forwarded_from_id, mentions, searchable_text, search_grams, created_at)
      SELECT id, planet_id, sender_id, type::"MessageType", content, metadata, cmid, reply_to_id,
             forwarded_from_id, mentions, searchable_text, search_grams, created_at
        FROM input ORDER BY ord
      ON CONFLICT (sender_id, client_message_id) DO NOTHING
      RETURNING id
    ), counts AS (
      SELECT i.planet_id, count(*)::int AS n, max(i.created_at) AS last_at
        FROM inserted JOIN input i USING (id) GROUP BY i.planet_id
    ), locked AS (
      SELECT p.id FROM planets p WHERE p.id IN (SELECT planet_id FROM counts) ORDER BY p.id FOR UPDATE
    ), bumped AS (
      UPDATE planets p SET last_event_seq = p.last_event_seq + c.n, last_message_at = c.last_at
        FROM locked l JOIN counts c ON c.planet_id = l.id
       WHERE p.id = l.id
      RETURNING p.id, p.last_event_seq AS last_seq, c.n
    ), numbered AS (
      SELECT i.id, i.planet_id, i.created_at, i.body,
             (b.last_seq - b.n + row_number() OVER (PARTITION BY i.planet_id ORDER BY i.ord))::int AS seq
        FROM input i JOIN inserted m USING (id) JOIN bumped b ON b.id = i.planet_id
    ), events AS (
      INSERT INTO planet_events (planet_id, seq, type, payload, created_at)
      SELECT planet_id, seq, 'message.new', body || jsonb_build_object('seq', seq), created_at FROM numbered
    )
    SELECT id, seq FROM numbered`
  return { sql, bodies, bodyTexts }
}

function eventsOf(statement: ReturnType<typeof insertStatement>, rows: { id: string; seq: number }[]) {
  const seqOf = new Map(rows.map((r) => [r.id, Number(r.seq)]))
  return statement.bodies.map((body, i) => {
    const seq = seqOf.get(body.message.id)
    if (seq === undefined) return null
    // The body's text, already made for the statement, with `seq` last: what JSON.stringify gives the event.
    const text = `${statement.bodyTexts[i]!.slice(0, -1)},"seq":${seq}}`
    return withJsonText({ ...body, seq } as MessageNewEvent, text)
  })
}

/** One message, through Prisma: for callers inside their own transaction (attachments, system messages). */
export async function insertMessageWithEvent(db: DbOrTx, draft: MessageDraft) {
  const statement = insertStatement([draft])
  const [event] = eventsOf(statement, await db.$queryRaw<{ id: string; seq: number }[]>(statement.sql))
  return event ?? null
}
