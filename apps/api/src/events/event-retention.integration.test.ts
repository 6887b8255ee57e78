// The planet event log keeps a retention window: the upkeep job trims what is older, a client resuming
// from inside the window still replays exactly what it missed, one resuming from before it is told to
// refetch (resync) instead of getting a silent gap.
import { seedTravel, seedUser } from '@connecto/db/seed'
import type { PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, createTestRuntime } from '../../test/harness.ts'
import { takeFromFeed } from '../../test/planet-feed.ts'
import { upkeepJob } from '../jobs/upkeep.job.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

async function firstEvent(planetId: string, lastEventId: number) {
  const [first] = await takeFromFeed(t.rt, planetId, { seq: lastEventId, resumed: true }, 1)
  return first as PlanetEvent
}

describe('event log retention', () => {
  it('prunes events past the window; resumes before it get a resync, resumes inside replay', async () => {
    const host = await seedUser(t.rt.db)
    const { general } = await seedTravel(t.rt.db, { hostId: host.id })
    const asHost = await callerFor(t.rt, host.id)
    for (const n of [1, 2, 3]) {
      await asHost.messages.send({
        planetId: general.id,
        clientMessageId: `retention-${n}`,
        content: `m${n}`,
      })
    }
    const old = new Date(Date.now() - (t.rt.config.eventRetentionHours + 1) * 3600_000)
    await t.rt.db.planetEvent.updateMany({
      where: { planetId: general.id, seq: { lte: 2 } },
      data: { createdAt: old },
    })

    const result = await upkeepJob.handle(t.rt, {}, { attempt: 1 })
    expect(result).toMatchObject({ prunedEvents: 2 })
    expect(
      (await t.rt.db.planetEvent.findMany({ where: { planetId: general.id } })).map((e) => e.seq),
    ).toEqual([3])

    expect(await firstEvent(general.id, 0)).toMatchObject({ type: 'resync', seq: 3, reason: 'retention' })
    expect(await firstEvent(general.id, 2)).toMatchObject({ type: 'message.new', seq: 3 })
    // A second run finds nothing more to do.
    expect(await upkeepJob.handle(t.rt, {}, { attempt: 1 })).toMatchObject({ prunedEvents: 0 })
  })
})
