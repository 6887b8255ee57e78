import { seedTravel, seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { day } from './travel-fixtures.ts'
import { refreshTravelStatuses } from './travel-status.service.ts'

// One database for this file alone: the job sweeps every travel, so the counts below are exact.
let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

const at = (offsetDays: number, now: Date) => new Date(now.getTime() + offsetDays * day)
const statusOf = async (id: string) =>
  (await t.rt.db.travel.findUniqueOrThrow({ where: { id }, select: { status: true } })).status

describe('refreshTravelStatuses', () => {
  it('moves travels whose dates moved to the status their dates call for, and leaves the rest', async () => {
    const now = new Date()
    const host = await seedUser(t.rt.db)
    const seed = (status: 'PLANNING' | 'ACTIVE' | 'ENDED', from: number, to: number) =>
      seedTravel(t.rt.db, { hostId: host.id, status, startDate: at(from, now), endDate: at(to, now) })
    const [planning, active, ended, steady, deleted] = await Promise.all([
      seed('PLANNING', 2, 5),
      seed('ACTIVE', -3, 3),
      seed('ENDED', -10, -1),
      seed('ACTIVE', -1, 1),
      seed('PLANNING', 2, 5),
    ])
    expect(await refreshTravelStatuses(t.rt, now)).toEqual({ PLANNING: 0, ACTIVE: 0, ENDED: 0 })

    const move = (id: string, from: number, to: number) =>
      t.rt.db.travel.update({ where: { id }, data: { startDate: at(from, now), endDate: at(to, now) } })
    await move(planning.travel.id, -1, 5)
    await move(active.travel.id, -3, -1)
    await move(ended.travel.id, -10, 2)
    await move(deleted.travel.id, -1, 5)
    await t.rt.db.travel.update({ where: { id: deleted.travel.id }, data: { deletedAt: now } })

    expect(await refreshTravelStatuses(t.rt, now)).toEqual({ PLANNING: 0, ACTIVE: 2, ENDED: 1 })
    expect(await statusOf(planning.travel.id)).toBe('ACTIVE')
    expect(await statusOf(active.travel.id)).toBe('ENDED')
    expect(await statusOf(ended.travel.id)).toBe('ACTIVE')
    expect(await statusOf(steady.travel.id)).toBe('ACTIVE')
    expect(await statusOf(deleted.travel.id)).toBe('PLANNING')

    // Postponing a travel sends it back to planning.
    await move(steady.travel.id, 4, 6)
    expect(await refreshTravelStatuses(t.rt, now)).toEqual({ PLANNING: 1, ACTIVE: 0, ENDED: 0 })
    expect(await statusOf(steady.travel.id)).toBe('PLANNING')
  })
})
