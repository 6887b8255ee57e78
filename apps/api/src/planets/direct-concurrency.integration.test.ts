import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

describe('planets.openDirect under concurrency', () => {
  it('20 parallel opens for one pair, 10 from each side, yield exactly one DIRECT planet', async () => {
    const s = await travelFixtures(t.rt).setup()
    const [asHost, asMod] = await Promise.all([s.as(s.host), s.as(s.mod)])
    const opens = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? asHost.planets.openDirect({ travelId: s.travel.id, userId: s.mod.id })
        : asMod.planets.openDirect({ travelId: s.travel.id, userId: s.host.id }),
    )
    const planets = await Promise.all(opens)
    expect(new Set(planets.map((p) => p.id)).size).toBe(1)
    const direct = await t.rt.db.planet.findMany({ where: { travelId: s.travel.id, type: 'DIRECT' } })
    expect(direct.map((p) => p.id)).toEqual([planets[0]?.id])
    const members = await t.rt.db.planetUser.findMany({ where: { planetId: planets[0]?.id } })
    expect(members.map((m) => [m.userId, m.status]).sort()).toEqual(
      [
        [s.host.id, 'ACTIVE'],
        [s.mod.id, 'ACTIVE'],
      ].sort(),
    )
  })
})
