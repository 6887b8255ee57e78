// The per-user live stream: unread counts as they change, membership changes, mentions of the user
// and revoked access. It listens to the user's own bus channel and to the planet channels of every
// active membership. Resume is by state, not by log: each (re)connect starts with a fresh unread
// snapshot (membership changes missed while away show in it), and the mentions after the last event
// id's timestamp are replayed from the messages table before it.
import { busChannel, type MeEvent, type PlanetEvent, type UserEvent } from '@connecto/shared'
import { messageInclude, toMessageView } from '../messages/message-view.ts'
import { loadUnreadCounts, type UnreadRow } from '../reads/unread-counts.ts'
import { Inbox } from '../realtime/inbox.ts'
import type { Runtime } from '../runtime.ts'

type Item = { user: UserEvent } | { planet: PlanetEvent }

const MENTION_REPLAY_MAX = 100

/** Event ids are `<ms since epoch>-<n>`: the time part is where a resume replays mentions from. */
export const resumeTimeOf = (lastEventId: string) => new Date(Number(lastEventId.split('-')[0]))

export async function* streamMeEvents(
  rt: Runtime,
  opts: { userId: string; lastEventId: string | null; signal: AbortSignal | undefined },
): AsyncGenerator<{ id: string; event: MeEvent }> {
  const { userId } = opts
  const stop = new AbortController()
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal
  const inbox = new Inbox<Item>(signal)
  const unsubscribers = new Map<string, () => void>()
  const planets = new Map<string, UnreadRow>()
  let n = 0
  const item = (event: MeEvent) => ({ id: `${rt.clock.now().getTime()}-${n++}`, event })
  const total = () => [...planets.values()].reduce((sum, p) => sum + p.unread, 0)
  const view = (p: UnreadRow) => ({ planetId: p.planetId, travelId: p.travelId, unread: p.unread })

  const listen = async (planetIds: Iterable<string>) => {
    for (const planetId of planetIds) {
      if (unsubscribers.has(planetId)) continue
      unsubscribers.set(
        planetId,
        await rt.bus.subscribe(busChannel.planet(planetId), (m) => inbox.push({ planet: m as PlanetEvent })),
      )
    }
  }

  /** Membership set and counts afresh: listen to new planets before counting, so nothing falls between. */
  const reload = async () => {
    await listen((await loadUnreadCounts(rt.db, userId)).map((r) => r.planetId))
    const rows = await loadUnreadCounts(rt.db, userId)
    await listen(rows.map((r) => r.planetId))
    const current = new Set(rows.map((r) => r.planetId))
    for (const [planetId, unsubscribe] of unsubscribers) {
      if (current.has(planetId)) continue
      unsubscribe()
      unsubscribers.delete(planetId)
    }
    planets.clear()
    for (const r of rows) planets.set(r.planetId, r)
  }

  /** Recounts some planets; the rows carry the sequence their counts include. */
  const recount = async (planetIds: string[]) => {
    const known = planetIds.filter((id) => planets.has(id))
    if (known.length === 0) return []
    const rows = await loadUnreadCounts(rt.db, userId, { planetIds: known })
    for (const id of known) planets.delete(id)
    for (const r of rows) planets.set(r.planetId, r)
    return rows
  }

  const unsubscribeUser = await rt.bus.subscribe(busChannel.user(userId), (m) =>
    inbox.push({ user: m as UserEvent }),
  )
  try {
    await reload()
    if (opts.lastEventId) {
      for (const event of await missedMentions(rt, userId, [...planets.values()], opts.lastEventId)) {
        yield item(event)
      }
    }
    yield item({ type: 'unread.snapshot', planets: [...planets.values()].map(view), total: total() })

    for await (const next of inbox.drain()) {
      if ('planet' in next) {
        for (const event of await onPlanetEvent(next.planet)) yield item(event)
        continue
      }
      const event = next.user
      if (event.type === 'unread.changed') {
        const rows = await recount(event.planets.map((p) => p.planetId))
        yield item({ type: 'unread.changed', planets: rows.map(view), total: total() })
        continue
      }
      yield item(event)
      // Notifications carry their own unread count; they change no membership, so no reload.
      if (event.type.startsWith('notification.')) continue
      if (event.type === 'access.revoked') {
        yield item({ type: 'membership.changed', travelId: event.travelId, planetId: null, change: 'banned' })
      }
      await reload()
      yield item({ type: 'unread.snapshot', planets: [...planets.values()].map(view), total: total() })
    }
  } finally {
    stop.abort()
    unsubscribeUser()
    for (const unsubscribe of unsubscribers.values()) unsubscribe()
  }

  async function onPlanetEvent(event: PlanetEvent): Promise<MeEvent[]> {
    const planet = planets.get(event.planetId)
    // Already counted in the planet's last (re)count, or a planet no longer ours.
    if (!planet || event.seq <= planet.lastEventSeq) return []
    planet.lastEventSeq = event.seq
    const out: MeEvent[] = []
    if (event.type === 'message.new' && event.message.senderId !== userId) {
      if (event.message.type !== 'SYSTEM') {
        planet.unread += 1
        out.push({ type: 'unread.changed', planets: [view(planet)], total: total() })
      }
      if (event.message.mentions?.includes(userId)) {
        out.push({
          type: 'mention',
          travelId: planet.travelId,
          planetId: planet.planetId,
          message: event.message,
        })
      }
    } else if (event.type === 'message.deleted' || event.type === 'message.restored') {
      const before = planet.unread
      const [row] = await recount([event.planetId])
      if (row && row.unread !== before)
        out.push({ type: 'unread.changed', planets: [view(row)], total: total() })
    }
    return out
  }
}

async function missedMentions(
  rt: Runtime,
  userId: string,
  planets: UnreadRow[],
  lastEventId: string,
): Promise<MeEvent[]> {
  if (planets.length === 0) return []
  const travelOf = new Map(planets.map((p) => [p.planetId, p.travelId]))
  const rows = await rt.db.message.findMany({
    where: {
      planetId: { in: [...travelOf.keys()] },
      mentions: { has: userId },
      createdAt: { gt: resumeTimeOf(lastEventId) },
      deletedAt: null,
      NOT: { senderId: userId },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: MENTION_REPLAY_MAX,
    include: messageInclude,
  })
  return rows.map((m) => ({
    type: 'mention' as const,
    travelId: travelOf.get(m.planetId) as string,
    planetId: m.planetId,
    message: toMessageView(m),
  }))
}
