// Live ordering of the planet feed: events published out of order are held briefly and put back in
// order from the bus; a gap that does not close on its own is filled from Postgres.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { busChannel, type PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { takeFromFeed } from '../../test/planet-feed.ts'
import { openPlanetFeed, REORDER_WAIT_MS } from './planet-feed.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(async () => {
  await t.close()
})

async function freshPlanet() {
  const host = await seedUser(t.rt.db)
  const seeded = await seedTravel(t.rt.db, { hostId: host.id })
  return seeded.general.id
}

/** A stand-in event; `from` tells whether a subscriber got it from the bus or from Postgres. */
const eventOf = (planetId: string, seq: number, from: 'bus' | 'db') =>
  ({ type: 'planet.updated', planetId, seq, from }) as unknown as PlanetEvent

async function storeEvent(planetId: string, seq: number) {
  await t.rt.db.planetEvent.create({
    data: { planetId, seq, type: 'planet.updated', payload: eventOf(planetId, seq, 'db') as object },
  })
}

const publish = (planetId: string, seq: number) =>
  t.rt.bus.publish(busChannel.planet(planetId), eventOf(planetId, seq, 'bus'))

describe('openPlanetFeed, live', () => {
  it('puts events that arrive out of order back in order without asking Postgres', async () => {
    const planetId = await freshPlanet()
    await storeEvent(planetId, 1)
    // Once the feed listens (it replays from Postgres first: seq 1 is stored), 3 arrives before 2.
    const got = takeFromFeed(t.rt, planetId, { seq: 0, resumed: true }, 3, {
      onLive: async () => {
        await publish(planetId, 3)
        await publish(planetId, 2)
      },
    })
    const events = (await got).map((e) => ({ seq: e.seq, from: (e as unknown as { from: string }).from }))
    expect(events).toEqual([
      { seq: 1, from: 'db' },
      { seq: 2, from: 'bus' },
      { seq: 3, from: 'bus' },
    ])
  })

  it('fills a gap that stays open from Postgres after a short wait', async () => {
    const planetId = await freshPlanet()
    await storeEvent(planetId, 1)
    let started = 0
    const got = takeFromFeed(t.rt, planetId, { seq: 1, resumed: true }, 2, {
      onLive: async () => {
        await new Promise((r) => setTimeout(r, 50))
        // Seq 2 commits while the feed is live, but its publish is lost (say Redis blinked).
        await storeEvent(planetId, 2)
        started = Date.now()
        await publish(planetId, 3)
      },
    })
    const events = (await got).map((e) => ({ seq: e.seq, from: (e as unknown as { from: string }).from }))
    expect(events).toEqual([
      { seq: 2, from: 'db' },
      { seq: 3, from: 'bus' },
    ])
    expect(Date.now() - started).toBeGreaterThanOrEqual(REORDER_WAIT_MS - 5)
  })

  it('ends only the feed whose sink throws; the planet’s other subscribers go on', async () => {
    const planetId = await freshPlanet()
    const abort = new AbortController()
    const failures: unknown[] = []
    await openPlanetFeed(t.rt, planetId, { seq: 0, resumed: false }, abort.signal, {
      event() {
        throw new Error('this subscriber’s socket is broken')
      },
      fail: (err) => failures.push(err),
    })
    try {
      const got = takeFromFeed(t.rt, planetId, { seq: 0, resumed: false }, 2, {
        onLive: async () => {
          await new Promise((r) => setTimeout(r, 50))
          await publish(planetId, 1)
          await publish(planetId, 2)
        },
      })
      expect((await got).map((e) => e.seq)).toEqual([1, 2])
      expect(failures).toHaveLength(1)
    } finally {
      abort.abort()
    }
  })
})
