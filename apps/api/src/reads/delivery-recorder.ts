// Delivered watermarks, kept off the send path. A message counts as delivered to a member when the
// server yields it on one of that member's planet subscriptions: the frame is handed to the member's
// socket, and should the socket drop before it lands, the client's resume replays it, so the device
// gets it either way. Server-side recording needs no extra client round trip (web, mobile and old
// clients alike) and no write per message: yields only note the newest message per (planet, member)
// in memory, and a timer writes all of them in one statement, never moving a watermark backwards.
// What moved is then signalled to each planet as `message.status: delivered`, at most twice per flush.
import type { Db } from '@connecto/db'
import { busChannel, type PlanetSignal } from '@connecto/shared'
import type { Bus } from '../bus/bus.ts'
import type { Logger } from '../observability/logger.ts'

export type DeliveryRecorder = {
  /** Notes that `messageId` (created at `createdAt`) reached `userId` in `planetId`. Cheap and sync. */
  record(planetId: string, userId: string, messageId: string, createdAt: string): void
  /** Writes what was noted so far; resolves once the watermarks and signals are out. */
  flush(): Promise<void>
  close(): Promise<void>
}

export type Pending = { planetId: string; userId: string; messageId: string; createdAt: string }

const newer = (a: Pending, b: Pending) =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.messageId > b.messageId)

export const DELIVERY_FLUSH_MS = 1000

/**
 * The watermarks of one planet that moved in a flush, reduced to the at most two signals that say
 * everything a sender learns from them: a message is delivered once any other member has it. The newest
 * mark (by A) covers every message up to it not sent by A; A's own messages are covered by the newest
 * mark of anyone else. So a flush costs each planet two frames per member, not one per recipient.
 */
export function statusMarks(marks: Pending[]): Pending[] {
  const newest = (list: Pending[]) =>
    list.reduce<Pending | null>((best, m) => (!best || newer(m, best) ? m : best), null)
  const first = newest(marks)
  if (!first) return []
  const second = newest(marks.filter((m) => m.userId !== first.userId))
  return second ? [first, second] : [first]
}

export function createDeliveryRecorder(opts: {
  db: Db
  bus: Bus
  logger: Logger
  flushMs?: number
}): DeliveryRecorder {
  let pending = new Map<string, Pending>()
  let inFlight: Promise<void> = Promise.resolve()

  const write = async (batch: Pending[]) => {
    const moved = await opts.db.$queryRaw<{ planetId: string; userId: string; messageId: string }[]>`
      WITH v AS (
        SELECT * FROM unnest(
          ${batch.map((b) => b.planetId)}::text[],
          ${batch.map((b) => b.userId)}::text[],
          ${batch.map((b) => b.messageId)}::text[]
        ) AS v(planet_id, user_id, message_id)
      )
      UPDATE planet_users pu SET last_delivered_message_id = v.message_id
      FROM v JOIN messages nm ON nm.id = v.message_id
      WHERE pu.planet_id = v.planet_id AND pu.user_id = v.user_id AND nm.planet_id = v.planet_id
        AND NOT EXISTS (
          SELECT 1 FROM messages d
          WHERE d.id = pu.last_delivered_message_id AND (d.created_at, d.id) >= (nm.created_at, nm.id)
        )
      RETURNING pu.planet_id AS "planetId", pu.user_id AS "userId", v.message_id AS "messageId"`
    const byKey = new Map(batch.map((b) => [`${b.planetId}:${b.userId}`, b]))
    const movedByPlanet = new Map<string, Pending[]>()
    for (const row of moved) {
      const noted = byKey.get(`${row.planetId}:${row.userId}`)
      if (!noted) continue
      const list = movedByPlanet.get(row.planetId) ?? []
      movedByPlanet.set(row.planetId, list)
      list.push(noted)
    }
    for (const [planetId, marks] of movedByPlanet) {
      // A planet's signals together, so each member's reach its socket in one turn and leave in one
      // write; planet by planet, so a flush over many planets never holds the event loop for long.
      const signals = statusMarks(marks).map(
        (mark): PlanetSignal => ({
          type: 'message.status',
          planetId,
          status: 'delivered',
          byUserId: mark.userId,
          upTo: { messageId: mark.messageId, createdAt: mark.createdAt },
        }),
      )
      await Promise.all(signals.map((signal) => opts.bus.publish(busChannel.planetSignals(planetId), signal)))
    }
  }

  const flush = () => {
    if (pending.size === 0) return inFlight
    const batch = [...pending.values()]
    pending = new Map()
    // Batches go out one after another, so an older batch never lands after a newer one.
    inFlight = inFlight
      .then(() => write(batch))
      .catch((err) => opts.logger.error({ err, rows: batch.length }, 'delivery watermarks: write failed'))
    return inFlight
  }

  const timer = setInterval(() => void flush(), opts.flushMs ?? DELIVERY_FLUSH_MS)
  timer.unref()

  return {
    record(planetId, userId, messageId, createdAt) {
      const next = { planetId, userId, messageId, createdAt }
      const key = `${planetId}:${userId}`
      const current = pending.get(key)
      if (!current || newer(next, current)) pending.set(key, next)
    },
    flush,
    async close() {
      clearInterval(timer)
      await flush()
    },
  }
}
