// Resume-safe stream of a planet's events: subscribe to the bus first, replay what the client missed
// from Postgres, then go live — filling any gap from Postgres and dropping duplicates by sequence.
import { busChannel, type PlanetEvent } from '@connecto/shared'
import { subscribeToChannel } from '../bus/bus-iterator.ts'
import type { Runtime } from '../runtime.ts'
import { loadPlanetEvents, oldestRetainedSeq } from './planet-events.ts'

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
    for await (const event of live.events) {
      if (event.seq <= last) continue
      if (event.seq > last + 1) {
        // Published out of order by another writer (or node): fetch the committed events in between.
        for (const missed of await loadPlanetEvents(rt, planetId, last, event.seq - 1)) {
          last = missed.seq
          yield missed
        }
      }
      last = event.seq
      yield event
    }
  } finally {
    live.stop()
  }
}
