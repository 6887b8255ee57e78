// The per-planet event log: each change gets the planet's next sequence number inside the writer's
// transaction (the planet row lock orders them), is stored for resume, and is published after commit.
import type { Tx } from '@connecto/db'
import { busChannel, type PlanetEvent } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'

type EventBody = PlanetEvent extends infer E ? (E extends PlanetEvent ? Omit<E, 'seq'> : never) : never

export async function appendPlanetEvent(tx: Tx, body: EventBody): Promise<PlanetEvent> {
  const planet = await tx.planet.update({
    where: { id: body.planetId },
    data: { lastEventSeq: { increment: 1 } },
    select: { lastEventSeq: true },
  })
  const event = { ...body, seq: planet.lastEventSeq } as PlanetEvent
  await tx.planetEvent.create({
    data: {
      planetId: body.planetId,
      seq: event.seq,
      type: event.type,
      payload: JSON.parse(JSON.stringify(event)),
    },
  })
  return event
}

export async function publishPlanetEvents(rt: Runtime, events: PlanetEvent[]) {
  for (const event of events) {
    rt.metrics.eventsPublished.inc({ type: event.type })
    try {
      await rt.bus.publish(busChannel.planet(event.planetId), event)
    } catch (err) {
      // The event is committed: live subscribers fill the gap from Postgres on the next event, and
      // reconnecting ones resume from their last event id. The write itself must not fail over this.
      rt.logger.warn({ err, planetId: event.planetId, seq: event.seq }, 'event publish failed')
    }
  }
}

/** Events after `afterSeq` (exclusive) up to `untilSeq` (inclusive, when given), oldest first. */
export async function loadPlanetEvents(rt: Runtime, planetId: string, afterSeq: number, untilSeq?: number) {
  const rows = await rt.db.planetEvent.findMany({
    where: { planetId, seq: { gt: afterSeq, ...(untilSeq !== undefined ? { lte: untilSeq } : {}) } },
    orderBy: { seq: 'asc' },
    take: 1000,
    select: { payload: true },
  })
  return rows.map((r) => r.payload as unknown as PlanetEvent)
}

export async function oldestRetainedSeq(rt: Runtime, planetId: string) {
  const first = await rt.db.planetEvent.findFirst({
    where: { planetId },
    orderBy: { seq: 'asc' },
    select: { seq: true },
  })
  return first?.seq ?? null
}

const PRUNE_BATCH = 10_000

/**
 * Deletes events older than `before`, in batches so a large backlog never holds one long lock. Each
 * planet keeps its sequence (planets.last_event_seq), so a resume from a pruned position is detected.
 */
export async function pruneEventLog(rt: Runtime, before: Date) {
  let total = 0
  for (;;) {
    const deleted = await rt.db.$executeRaw`
      DELETE FROM planet_events WHERE id IN (
        SELECT id FROM planet_events WHERE created_at < ${before} ORDER BY id LIMIT ${PRUNE_BATCH})`
    total += deleted
    if (deleted < PRUNE_BATCH) return total
  }
}
