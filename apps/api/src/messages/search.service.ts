// Message search over every planet the caller can read: active members of the planet and its travel
// (a travel ban, in force or not yet lifted, hides the travel), platform admins everywhere, as history
// allows. Deleted messages are never found. One SQL statement per page.
//
// Matching is indexed (see search-terms.ts for which index serves which term); ranking combines the
// trigram word similarity of the whole query (whole-word and near-whole-word hits first, in any script)
// with a full-text prefix rank (more and closer occurrences of space-separated words first), then the
// newest. Pages are keyset pages over (rank, createdAt, id), opaque to clients.
import { Prisma } from '@connecto/db'
import {
  isPlatformAdmin,
  type MessageView,
  type SnippetPart,
  type TSearchMessagesInput,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import {
  type MessageViewRow,
  messageViewColumns,
  messageViewJoins,
  rowToMessageView,
} from './message-view-sql.ts'
import {
  highlightSnippet,
  likeContaining,
  prefixTsQuery,
  type SearchTerm,
  searchTerms,
} from './search-terms.ts'

export type SearchHit = { message: MessageView; snippet: SnippetPart[]; rank: number }
export type SearchPage = { items: SearchHit[]; nextCursor: string | null }

type Cursor = { rank: string; createdAt: string; id: string }

export async function searchMessages(
  rt: Runtime,
  actor: Actor,
  input: TSearchMessagesInput,
): Promise<SearchPage> {
  const { sql, terms } = searchQuery(actor, input)
  const rows = await rt.db.$queryRaw<(MessageViewRow & { rank: string })[]>(sql)
  const hasMore = rows.length > input.limit
  const page = rows.slice(0, input.limit)
  const items = page.map((row) => {
    const message = rowToMessageView(row)
    return { message, snippet: highlightSnippet(searchedText(message), terms), rank: Number(row.rank) }
  })
  const last = page.at(-1)
  const nextCursor =
    hasMore && last
      ? encodeCursor({ rank: last.rank, createdAt: last.createdAt.toISOString(), id: last.id })
      : null
  return { items, nextCursor }
}

/** The statement a search page runs (exported for the plan test). */
export function searchQuery(actor: Actor, input: TSearchMessagesInput) {
  const terms = searchTerms(input.query)
  if (terms.length === 0) {
    throw new AppError(
      'SYS001',
      'Search for at least two letters or digits (one is enough in Chinese, Japanese or Korean).',
      'query',
    )
  }
  const cursor = input.cursor ? decodeCursor(input.cursor) : null
  const query = terms.map((t) => t.text).join(' ')
  const sql = Prisma.sql`
    WITH hits AS (
      SELECT m.id, m.created_at,
             round((word_similarity(${query}, m.searchable_text)
                    + ts_rank_cd(to_tsvector('simple', m.searchable_text), to_tsquery('simple', ${prefixTsQuery(terms)}))
                   )::numeric, 6) AS rank
        FROM messages m
       WHERE m.planet_id IN (${readablePlanets(actor)})
         AND m.deleted_at IS NULL
         AND ${Prisma.join(terms.map(termMatches), ' AND ')}
         ${input.planetId ? Prisma.sql`AND m.planet_id = ${input.planetId}` : Prisma.empty}
         ${input.senderId ? Prisma.sql`AND m.sender_id = ${input.senderId}` : Prisma.empty}
         ${input.from ? Prisma.sql`AND m.created_at >= ${input.from.toISOString()}::timestamp` : Prisma.empty}
         ${input.to ? Prisma.sql`AND m.created_at < ${input.to.toISOString()}::timestamp` : Prisma.empty}
    ), page AS (
      SELECT * FROM hits
       ${cursor ? Prisma.sql`WHERE (rank, created_at, id) < (${cursor.rank}::numeric, ${cursor.createdAt}::timestamp, ${cursor.id})` : Prisma.empty}
       ORDER BY rank DESC, created_at DESC, id DESC
       LIMIT ${input.limit + 1}
    )
    SELECT page.rank::text AS rank, ${messageViewColumns}
      FROM page JOIN messages m ON m.id = page.id ${messageViewJoins}
     ORDER BY page.rank DESC, m.created_at DESC, m.id DESC`
  return { sql, terms }
}

function termMatches(term: SearchTerm) {
  const contains = Prisma.sql`m.searchable_text LIKE ${likeContaining(term.text)}`
  if (term.index === 'trigram') return contains
  // The grams index finds the candidates; LIKE keeps only messages that hold the term as written.
  return Prisma.sql`(m.search_grams @> ARRAY[${term.text}]::text[] AND ${contains})`
}

function readablePlanets(actor: Actor) {
  if (isPlatformAdmin(actor.role)) {
    return Prisma.sql`
      SELECT p.id FROM planets p JOIN travels t ON t.id = p.travel_id
       WHERE p.status <> 'DELETED' AND t.deleted_at IS NULL`
  }
  return Prisma.sql`
    SELECT pu.planet_id FROM planet_users pu
      JOIN planets p ON p.id = pu.planet_id
      JOIN travels t ON t.id = p.travel_id
      JOIN travel_users tu ON tu.travel_id = p.travel_id AND tu.user_id = pu.user_id
     WHERE pu.user_id = ${actor.id} AND pu.status = 'ACTIVE' AND tu.status = 'ACTIVE'
       AND p.status <> 'DELETED' AND t.deleted_at IS NULL`
}

/** What search matched on: the text, or a location's name (as searchableTextOf stores it). */
function searchedText(message: MessageView) {
  const name = message.metadata?.name
  return message.content ?? (typeof name === 'string' ? name : '')
}

function encodeCursor(cursor: Cursor) {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.createdAt, cursor.id])).toString('base64url')
}

function decodeCursor(raw: string): Cursor {
  try {
    const [rank, createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[]
    if (
      typeof rank === 'string' &&
      /^\d+(\.\d+)?$/.test(rank) &&
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string'
    ) {
      return { rank, createdAt, id }
    }
  } catch {
    // falls through to the refusal
  }
  throw new AppError('SYS001', 'This search cursor is not valid.', 'cursor')
}
