// Resume-safe stream of a planet's events: subscribe to the bus first, replay what the client missed
// from Postgres, then go live — filling any gap from Postgres and dropping duplicates by sequence.
import { busChannel, type PlanetEvent } from '@connecto/shared'
import { ENDED, subscribeToChannel, TIMED_OUT } from '../bus/bus-iterator.ts'
import { onePer } from '../one-per.ts'
import type { Runtime } from '../runtime.ts'
import { loadPlanetEvents, oldestRetainedSeq } from './planet-events.ts'

const gapLoads = onePer((_rt: Runtime) => new Map<string, Promise<PlanetEvent[]>>())

/**
 * The node's subscribers of a planet all see the same gap at the same moment: they share one query.
 * Events are immutable once committed, so sharing the result is safe.
 */
function loadGapOnce(rt: Runtime, planetId: string, afterSeq: number, untilSeq: number) {
  const loads = gapLoads(rt)
  const key = `${planetId}:${afterSeq}:${untilSeq}`
  const running = loads.get(key)
  if (running) return running
  const load = loadPlanetEvents(rt, planetId, afterSeq, untilSeq).finally(() => loads.delete(key))
  loads.set(key, load)
  return load
}

/** How long an event that arrived ahead of its predecessor waits for it before Postgres is asked. */
export const REORDER_WAIT_MS = 50

export async function* streamPlanetEvents(
  rt: Runtime,
  planetId: string,
  lastEventId: number | null,
  signal: AbortSignal | undefined,
): AsyncGenerator<PlanetEvent> {
  const live = await subscribeToChannel<PlanetEvent>(rt.bus, busChannel.planet(planetId), signal)
  try {
    let last: number
    if (lastEventId === null) {
      const planet = await rt.db.planet.findUniqueOrThrow({
        where: { id: planetId },
        select: { lastEventSeq: true },
      })
      last = planet.lastEventSeq
    } else {
      last = lastEventId
      const oldest = await oldestRetainedSeq(rt, planetId)
      const head = await rt.db.planet.findUniqueOrThrow({
        where: { id: planetId },
        select: { lastEventSeq: true },
      })
      if (head.lastEventSeq > last && (oldest === null || oldest > last + 1)) {
        // Past the retention window: the client must refetch instead of replaying.
        last = head.lastEventSeq
        yield { type: 'resync', seq: last, planetId, reason: 'retention' }
      }
      for (;;) {
        const missed = await loadPlanetEvents(rt, planetId, last)
        for (const event of missed) {
          last = event.seq
          yield event
        }
        if (missed.length < 1000) break
      }
    }
    // Concurrent writers (and other nodes) publish after their own commits, so events can arrive out of
    // order, usually by a few milliseconds: hold the early ones that long before fetching the gap from
    // Postgres, or every subscriber would query for a gap that was about to close on its own.
    const early = new Map<number, PlanetEvent>()
    let gapSince = 0
    for (;;) {
      const waitMs = early.size > 0 ? Math.max(0, gapSince + REORDER_WAIT_MS - Date.now()) : undefined
      const next = await live.take(waitMs)
      if (next === ENDED) return
      if (next !== TIMED_OUT && next.seq > last) early.set(next.seq, next)
      const before = last
      for (let event = early.get(last + 1); event; event = early.get(last + 1)) {
        early.delete(event.seq)
        last = event.seq
        yield event
      }
      if (early.size === 0) continue
      if (last !== before || gapSince === 0) gapSince = Date.now()
      if (Date.now() - gapSince < REORDER_WAIT_MS) continue
      for (const missed of await loadGapOnce(rt, planetId, last, Math.max(...early.keys()))) {
        last = missed.seq
        yield missed
      }
      for (const seq of early.keys()) if (seq <= last) early.delete(seq)
      gapSince = 0
    }
  } finally {
    live.stop()
  }
}
