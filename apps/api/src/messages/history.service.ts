// History pages: the latest messages, or `limit` messages before / after / around a message (a jump to
// it), newest first. Pages are keyset pages over the total order (createdAt, id) — no offsets — so
// messages arriving while a reader pages never shift, repeat or skip the messages of later pages.
//
// Budget: two SQL statements per page whatever its size — the access rows, then the page with every
// view field (historyPageQuery). The one exception is a travel ban that has just expired: the full access path
// lifts it first, as everywhere else.
//
// Known limit: a message is ordered by the createdAt its send took before inserting, so two sends
// racing in the same instant can commit in the other order; a reader tailing with `after` at that very
// instant could pass one of them. Live clients tail through the planet event stream (ordered by commit)
// and use `after` to close gaps of the past, where this cannot happen.
import { Prisma } from '@connecto/db'
import { isPlatformAdmin, type MessageView, type TListMessagesInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { requirePlanetAccess, requirePlanetModerationReader } from '../planets/planet-access.ts'
import {
  hasExpiredBan,
  type PlanetAccessRow,
  planetAccessColumns,
  planetMembershipJoins,
  toPlanetAccessRows,
} from '../planets/planet-access-sql.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import {
  type MessageViewRow,
  messageViewColumns,
  messageViewJoins,
  rowToMessageView,
} from './message-view-sql.ts'

export type HistoryPage = {
  /** Newest first. */
  items: MessageView[]
  hasMoreBefore: boolean
  hasMoreAfter: boolean
  /** The `before` cursor for the next older page (the oldest item), null when there is none. */
  nextCursor: string | null
}

export async function listMessages(
  rt: Runtime,
  actor: Actor,
  input: TListMessagesInput,
): Promise<HistoryPage> {
  await requireHistoryReader(rt, actor, input.planetId)
  const spans = pageSpans(input)
  const rows = await rt.db.$queryRaw<(MessageViewRow & { part: Part | null; anchorFound: boolean })[]>(
    historyPageQuery(input),
  )
  if (spans.anchorId && !rows[0]?.anchorFound) throw new AppError('MSG001', undefined, anchorField(input))
  // Rows come newest first; each side read one row more than it shows, to tell whether there is more.
  const older = rows.filter((row) => row.part === 'older')
  const newer = rows.filter((row) => row.part === 'newer')
  const anchor = rows.filter((row) => row.part === 'anchor')
  // A side not read has more exactly when there is an anchor: the anchor itself lies on that side.
  const hasMoreBefore = spans.older === null ? spans.anchorId !== null : older.length > spans.older
  const hasMoreAfter = spans.newer === null ? spans.anchorId !== null : newer.length > spans.newer
  const items = [
    ...(spans.newer !== null && hasMoreAfter ? newer.slice(1) : newer),
    ...anchor,
    ...(spans.older !== null && hasMoreBefore ? older.slice(0, spans.older) : older),
  ].map(rowToMessageView)
  return { items, hasMoreBefore, hasMoreAfter, nextCursor: hasMoreBefore ? (items.at(-1)?.id ?? null) : null }
}

type Part = 'older' | 'anchor' | 'newer'
/** How many messages to show on each side of the anchor; null for a side not read. */
type Spans = { anchorId: string | null; older: number | null; includeAnchor: boolean; newer: number | null }

/** The latest page is the older side of no anchor; a jump shows about half on each side. */
function pageSpans(input: TListMessagesInput): Spans {
  const { limit } = input
  if (input.before) return { anchorId: input.before, older: limit, includeAnchor: false, newer: null }
  if (input.after) return { anchorId: input.after, older: null, includeAnchor: false, newer: limit }
  if (input.around) {
    const older = Math.floor((limit - 1) / 2)
    return { anchorId: input.around, older, includeAnchor: true, newer: limit - 1 - older }
  }
  return { anchorId: null, older: limit, includeAnchor: false, newer: null }
}

const anchorField = (input: TListMessagesInput) =>
  input.before ? 'before' : input.after ? 'after' : 'around'

/**
 * One statement: the anchor (which must be in the planet), up to span+1 rows on each side, and the
 * view of each. `created_at <= anchor` keeps the planet's (planet_id, created_at) index usable; the id
 * breaks ties between messages of the same millisecond.
 */
export function historyPageQuery(input: TListMessagesInput) {
  const { planetId } = input
  const spans = pageSpans(input)
  const sides: Prisma.Sql[] = []
  if (spans.older !== null) {
    const olderThanAnchor = spans.anchorId
      ? Prisma.sql`AND m.created_at <= a.created_at AND (m.created_at < a.created_at OR m.id < a.id)`
      : Prisma.empty
    sides.push(Prisma.sql`(SELECT m.id, 'older' AS part FROM messages m ${spans.anchorId ? Prisma.sql`, anchor a` : Prisma.empty}
       WHERE m.planet_id = ${planetId} ${olderThanAnchor}
       ORDER BY m.created_at DESC, m.id DESC LIMIT ${spans.older + 1})`)
  }
  if (spans.includeAnchor) sides.push(Prisma.sql`(SELECT id, 'anchor' AS part FROM anchor)`)
  if (spans.newer !== null) {
    sides.push(Prisma.sql`(SELECT m.id, 'newer' AS part FROM messages m, anchor a
       WHERE m.planet_id = ${planetId}
         AND m.created_at >= a.created_at AND (m.created_at > a.created_at OR m.id > a.id)
       ORDER BY m.created_at ASC, m.id ASC LIMIT ${spans.newer + 1})`)
  }
  return Prisma.sql`
    WITH anchor AS (SELECT id, created_at FROM messages WHERE id = ${spans.anchorId} AND planet_id = ${planetId}),
    page AS (${Prisma.join(sides, ' UNION ALL ')})
    SELECT EXISTS (SELECT 1 FROM anchor) AS "anchorFound", page.part, ${messageViewColumns}
      FROM (SELECT 1) AS one
      LEFT JOIN (page JOIN messages m ON m.id = page.id ${messageViewJoins}) ON true
     ORDER BY m.created_at DESC, m.id DESC`
}

/**
 * The rules of requirePlanetModerationReader (members, plus platform admins anywhere) on rows read in
 * one statement, where the Prisma path takes one per relation.
 */
async function requireHistoryReader(rt: Runtime, actor: Actor, planetId: string) {
  const [row] = await rt.db.$queryRaw<PlanetAccessRow[]>`
    SELECT ${planetAccessColumns}
      FROM planets p JOIN travels t ON t.id = p.travel_id ${planetMembershipJoins(actor.id)}
     WHERE p.id = ${planetId}`
  const planet = row ? toPlanetAccessRows(row) : null
  if (!row || !planet) throw new AppError('PLT001')
  if (isPlatformAdmin(actor.role)) return
  if (hasExpiredBan(row, rt.clock.now())) {
    await requirePlanetModerationReader(rt, actor, planetId)
    return
  }
  requirePlanetAccess({ planet })
}
