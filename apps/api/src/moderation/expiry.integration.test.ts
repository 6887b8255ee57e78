// Timed bans run out by themselves, also for users who never come back to trigger the lazy lift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'
import { liftExpiredBans } from './expiry.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

describe('liftExpiredBans', () => {
  it('lifts expired travel and platform bans, leaves running and permanent ones alone', async () => {
    const f = travelFixtures(t.rt)
    const s = await f.setup()
    const asHost = await s.as(s.host)
    const ban = (userId: string, durationHours?: number) =>
      asHost.moderation.banFromTravel({ travelId: s.travel.id, userId, reason: 'spam', durationHours })
    await ban(s.part.id, 1)
    await ban(s.mod.id)
    // The participant's hour is over; the others stay banned.
    const past = new Date(Date.now() - 60_000)
    await t.rt.db.travelUser.updateMany({
      where: { travelId: s.travel.id, userId: s.part.id },
      data: { bannedUntil: past },
    })
    await t.rt.db.user.update({ where: { id: s.outsider.id }, data: { isBanned: true, bannedUntil: past } })
    await t.rt.db.user.update({ where: { id: s.mod.id }, data: { isBanned: true, bannedUntil: null } })

    expect(await liftExpiredBans(t.rt)).toEqual({ travelBans: 1, platformBans: 1 })
    expect(await f.memberRow(s.travel.id, s.part.id)).toMatchObject({ status: 'ACTIVE', bannedUntil: null })
    expect((await f.planetRows(s.travel.id, s.part.id)).every((p) => p.status === 'ACTIVE')).toBe(true)
    const outsider = await t.rt.db.user.findUniqueOrThrow({ where: { id: s.outsider.id } })
    expect(outsider).toMatchObject({ isBanned: false, bannedUntil: null })
    expect(await f.memberRow(s.travel.id, s.mod.id)).toMatchObject({ status: 'BANNED' })
    const mod = await t.rt.db.user.findUniqueOrThrow({ where: { id: s.mod.id } })
    expect(mod.isBanned).toBe(true)
    expect(
      await t.rt.db.auditLog.count({ where: { action: 'user.ban.expired', targetId: s.outsider.id } }),
    ).toBe(1)
    // Nothing left to do: a second sweep changes nothing.
    expect(await liftExpiredBans(t.rt)).toEqual({ travelBans: 0, platformBans: 0 })
  })
})
