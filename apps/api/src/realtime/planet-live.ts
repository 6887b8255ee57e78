// A member's live view of one planet: the resumable event log (planet-feed.ts) merged with the
// ephemeral signals (typing, message status). Every item carries the id the client resumes from:
// a logged event its own seq, a signal the seq of the last logged event before it. tRPC's ws client
// overwrites its resume id with each item's id (an untracked item would clear it), so giving signals
// the current seq keeps resume exact when both kinds are mixed. Fresh subscriptions count against the
// room-join limit; resumes after a reconnect do not, or a flaky network would lock users out.
import { busChannel, type PlanetSignal, type PlanetStreamEvent } from '@connecto/shared'
import { openPlanetFeed } from '../events/planet-feed.ts'
import type { Runtime } from '../runtime.ts'
import { markShared } from '../trpc/shared-serialization.ts'
import { Inbox } from './inbox.ts'

export type PlanetLiveOptions = {
  userId: string
  planetId: string
  lastEventId: number | null
  signal: AbortSignal
}

/** Receives each item as it happens, with the id the client resumes from. */
export type PlanetLiveEmit = (id: string, event: PlanetStreamEvent) => void

/**
 * Call after the access check: the caller must be an active member of the planet. Emits until
 * `signal` aborts, then resolves; rejects when the stream can't go on (the client resumes).
 */
export async function runPlanetLive(rt: Runtime, opts: PlanetLiveOptions, emit: PlanetLiveEmit) {
  const { userId, planetId } = opts
  // The subscription starts now: a fresh one replays from the current head, so nothing committed
  // from here on can fall between the head read and the bus subscription.
  let last =
    opts.lastEventId ??
    (await rt.db.planet.findUniqueOrThrow({ where: { id: planetId }, select: { lastEventSeq: true } }))
      .lastEventSeq
  if (opts.lastEventId === null) await rt.realtime.limits.consumeRoomJoin(userId, planetId)
  const stop = new AbortController()
  const signal = AbortSignal.any([opts.signal, stop.signal])
  let failed: (err: unknown) => void = () => {}
  const ended = new Promise<void>((resolve, reject) => {
    signal.addEventListener('abort', () => resolve(), { once: true })
    if (signal.aborted) resolve()
    failed = reject
  })
  // A failure can come before `ended` is awaited (a signal during the feed's start); it is rethrown there.
  ended.catch(() => {})

  const unsubscribeSignals = await rt.bus.subscribe(busChannel.planetSignals(planetId), (message) => {
    const s = message as PlanetSignal
    // Your own typing, and the status your own delivery or read gave others' messages, are not news to you.
    if (signal.aborted || (s.type === 'typing' ? s.userId : s.byUserId) === userId) return
    try {
      emit(String(last), markShared(s))
    } catch (err) {
      failed(err)
    }
  })
  try {
    await openPlanetFeed(rt, planetId, { seq: last, resumed: opts.lastEventId !== null }, signal, {
      event(event) {
        last = event.seq
        if (event.type === 'message.new' && event.message.senderId !== userId) {
          rt.realtime.deliveries.record(planetId, userId, event.message.id, event.message.createdAt)
        }
        emit(String(event.seq), markShared(event))
      },
      fail: (err) => failed(err),
    })
    await ended
  } finally {
    stop.abort()
    unsubscribeSignals()
  }
}

/** The same stream as an async iterator, for callers without a socket to write to (a server-side caller). */
export async function* streamPlanetLive(
  rt: Runtime,
  opts: PlanetLiveOptions,
): AsyncGenerator<{ id: string; event: PlanetStreamEvent }> {
  const stop = new AbortController()
  const signal = AbortSignal.any([opts.signal, stop.signal])
  const inbox = new Inbox<{ id: string; event: PlanetStreamEvent }>(signal)
  const run = runPlanetLive(rt, { ...opts, signal }, (id, event) => inbox.push({ id, event }))
  run.then(
    () => inbox.end(),
    (err) => inbox.fail(err),
  )
  try {
    yield* inbox.drain()
  } finally {
    stop.abort()
    await run.catch(() => {})
  }
}
