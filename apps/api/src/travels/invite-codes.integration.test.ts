import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { day, travelFixtures } from './travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => travelFixtures(t.rt)

describe('travels.join refusals', () => {
  it('refuses a code that matches no travel (TRV004)', async () => {
    const s = await fx().setup()
    const wrong = s.travel.inviteCode === 'QQQQQQQQ' ? 'QQQQQQQR' : 'QQQQQQQQ'
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.outsider)).travels.join({ inviteCode: wrong }),
      'TRV004',
    )
  })

  it('refuses the old code after regeneration (TRV004)', async () => {
    const s = await fx().setup()
    await (await s.as(s.host)).travels.regenerateInviteCode({ travelId: s.travel.id })
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.outsider)).travels.join({ inviteCode: s.travel.inviteCode }),
      'TRV004',
    )
  })

  it('refuses an ended travel (TRV005)', async () => {
    const s = await fx().setup({
      status: 'ENDED',
      startDate: new Date(Date.now() - 10 * day),
      endDate: new Date(Date.now() - day),
    })
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.outsider)).travels.join({ inviteCode: s.travel.inviteCode }),
      'TRV005',
    )
  })

  it('refuses a frozen travel (TRV006)', async () => {
    const s = await fx().setup()
    await (await s.as(s.admin)).travels.freeze({ travelId: s.travel.id })
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.outsider)).travels.join({ inviteCode: s.travel.inviteCode }),
      'TRV006',
    )
  })

  it('refuses a full travel (TRV007)', async () => {
    const s = await fx().setup()
    await t.rt.db.travel.update({ where: { id: s.travel.id }, data: { maxMembers: 3 } })
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.outsider)).travels.join({ inviteCode: s.travel.inviteCode }),
      'TRV007',
    )
  })

  it('refuses a banned member (TRV008)', async () => {
    const s = await fx().setup()
    await (await s.as(s.host)).moderation.banFromTravel({
      travelId: s.travel.id,
      userId: s.part.id,
      reason: 'spam in every planet',
    })
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.part)).travels.join({ inviteCode: s.travel.inviteCode }),
      'TRV008',
    )
  })

  it('refuses someone already a member (TRV003)', async () => {
    const s = await fx().setup()
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.part)).travels.join({ inviteCode: s.travel.inviteCode }),
      'TRV003',
    )
  })

  it('refuses a deleted travel as an unknown code (TRV004)', async () => {
    const s = await fx().setup()
    await (await s.as(s.host)).travels.delete({ travelId: s.travel.id })
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.outsider)).travels.join({ inviteCode: s.travel.inviteCode }),
      'TRV004',
    )
    expect((await fx().planetRows(s.travel.id, s.outsider.id)).length).toBe(0)
  })
})
