// A member's live view of one planet: the resumable event log (planet-stream.ts) merged with the
// ephemeral signals (typing, message status). Every item carries the id the client resumes from:
// a logged event its own seq, a signal the seq of the last logged event before it. tRPC's ws client
// overwrites its resume id with each item's id (an untracked item would clear it), so giving signals
// the current seq keeps resume exact when both kinds are mixed. Fresh subscriptions count against the
// room-join limit; resumes after a reconnect do not, or a flaky network would lock users out.
import { busChannel, type PlanetEvent, type PlanetSignal, type PlanetStreamEvent } from '@connecto/shared'
import { subscribeToChannel } from '../bus/bus-iterator.ts'
import { streamPlanetEvents } from '../events/planet-stream.ts'
import type { Runtime } from '../runtime.ts'
import { markShared } from '../trpc/shared-serialization.ts'
import { Inbox } from './inbox.ts'

type Item = { logged: PlanetEvent } | { signal: PlanetSignal }

/** Call after the access check: the caller must be an active member of the planet. */
export async function* streamPlanetLive(
  rt: Runtime,
  opts: { userId: string; planetId: string; lastEventId: number | null; signal: AbortSignal | undefined },
): AsyncGenerator<{ id: string; event: PlanetStreamEvent }> {
  const { userId, planetId } = opts
  // The subscription starts now: a fresh one replays from the current head, so nothing committed
  // from here on can fall between the head read and the bus subscription.
  let last =
    opts.lastEventId ??
    (await rt.db.planet.findUniqueOrThrow({ where: { id: planetId }, select: { lastEventSeq: true } }))
      .lastEventSeq
  if (opts.lastEventId === null) await rt.realtime.limits.consumeRoomJoin(userId, planetId)
  const stop = new AbortController()
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal
  const inbox = new Inbox<Item>(signal)
  const signals = await subscribeToChannel<PlanetSignal>(rt.bus, busChannel.planetSignals(planetId), signal)
  const pump = async <T>(source: AsyncIterable<T>, wrap: (value: T) => Item) => {
    try {
      for await (const value of source) inbox.push(wrap(value))
    } catch (err) {
      inbox.fail(err)
    }
  }
  void pump(streamPlanetEvents(rt, planetId, last, signal), (logged) => ({ logged }))
  void pump(signals.events, (s) => ({ signal: s }))
  try {
    for await (const item of inbox.drain()) {
      if ('logged' in item) {
        const event = item.logged
        last = event.seq
        if (event.type === 'message.new' && event.message.senderId !== userId) {
          rt.realtime.deliveries.record(planetId, userId, event.message.id, event.message.createdAt)
        }
        yield { id: String(event.seq), event: markShared(event) }
      } else {
        // Your own typing, and the status your own delivery or read gave others' messages,
        // are not news to you.
        const about = item.signal.type === 'typing' ? item.signal.userId : item.signal.byUserId
        if (about === userId) continue
        yield { id: String(last), event: markShared(item.signal) }
      }
    }
  } finally {
    stop.abort()
    signals.stop()
  }
}
