// One subscriber's resume-safe feed of a planet's events: listen on the bus first, replay what the
// subscriber missed from Postgres, then go live — filling any gap from Postgres and dropping duplicates
// by sequence. Events are pushed to a sink as they arrive, not pulled through async iterators: every
// planet event reaches each member's socket, so the per-recipient path is one synchronous call.
import { busChannel, type PlanetEvent } from '@connecto/shared'
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

export type PlanetFeedSink = {
  /** Every event after the start once, in sequence order, with no gap. */
  event(event: PlanetEvent): void
  /** Postgres failed: the feed has stopped, and the subscriber resumes from the last event it got. */
  fail(err: unknown): void
}

/**
 * Feeds `sink` the planet's events after `from.seq` until `signal` aborts: a resume starts from the
 * subscriber's last event id, a fresh subscription from the head it read as it started. Resolves once
 * the bus subscription is live; the replay from Postgres then runs in the background, ahead of the
 * live events.
 */
export async function openPlanetFeed(
  rt: Runtime,
  planetId: string,
  from: { seq: number; resumed: boolean },
  signal: AbortSignal,
  sink: PlanetFeedSink,
) {
  let last = from.seq
  /** Replay is done and no gap query is running: events in order may go straight to the sink. */
  let flowing = false
  let ended = false
  /** Events that arrived ahead of their predecessor (or during replay), by sequence. */
  const early = new Map<number, PlanetEvent>()
  let gapTimer: NodeJS.Timeout | undefined

  const emit = (event: PlanetEvent) => {
    last = event.seq
    try {
      sink.event(event)
    } catch (err) {
      // It runs inside the bus's dispatch to every subscriber: a failure ends this feed only.
      fail(err)
    }
  }

  /** Sends what is now in order; a gap left behind gets REORDER_WAIT_MS (from the last progress) to close. */
  const release = () => {
    const before = last
    for (let event = early.get(last + 1); event && !ended; event = early.get(last + 1)) {
      early.delete(event.seq)
      emit(event)
    }
    if (early.size === 0 || ended) {
      clearTimeout(gapTimer)
      gapTimer = undefined
      return
    }
    // Concurrent writers (and other nodes) publish after their own commits, so events arrive out of
    // order by a few milliseconds: wait that long before asking Postgres, or every subscriber would
    // query for a gap about to close on its own.
    if (last !== before || !gapTimer) {
      clearTimeout(gapTimer)
      gapTimer = setTimeout(() => void fillGap(), REORDER_WAIT_MS)
    }
  }

  const fillGap = async () => {
    gapTimer = undefined
    if (ended || early.size === 0) return
    flowing = false
    try {
      for (const missed of await loadGapOnce(rt, planetId, last, Math.max(...early.keys()))) {
        if (ended) return
        if (missed.seq > last) emit(missed)
      }
    } catch (err) {
      return fail(err)
    }
    for (const seq of early.keys()) if (seq <= last) early.delete(seq)
    flowing = true
    release()
  }

  const onBus = (message: unknown) => {
    const event = message as PlanetEvent
    if (ended || event.seq <= last) return
    if (flowing && event.seq === last + 1 && early.size === 0) return emit(event)
    early.set(event.seq, event)
    if (flowing) release()
  }

  const unsubscribe = await rt.bus.subscribe(busChannel.planet(planetId), onBus)
  const end = () => {
    ended = true
    clearTimeout(gapTimer)
    early.clear()
    unsubscribe()
  }
  const fail = (err: unknown) => {
    if (ended) return
    end()
    sink.fail(err)
  }
  if (signal.aborted) return end()
  signal.addEventListener('abort', end, { once: true })

  /** A resume from before the retention window can't be replayed: the client must refetch. */
  const checkRetention = async () => {
    const oldest = await oldestRetainedSeq(rt, planetId)
    const head = await rt.db.planet.findUniqueOrThrow({
      where: { id: planetId },
      select: { lastEventSeq: true },
    })
    if (ended || head.lastEventSeq <= last || (oldest !== null && oldest <= last + 1)) return
    last = head.lastEventSeq
    sink.event({ type: 'resync', seq: last, planetId, reason: 'retention' })
  }

  /** What was committed after the start position (for a fresh subscription, between its head read and now). */
  const replay = async () => {
    if (from.resumed) await checkRetention()
    for (;;) {
      const missed = await loadPlanetEvents(rt, planetId, last)
      if (ended) return
      for (const event of missed) if (event.seq > last) emit(event)
      if (missed.length < 1000) break
    }
    for (const seq of early.keys()) if (seq <= last) early.delete(seq)
    flowing = true
    release()
  }
  replay().catch(fail)
}
