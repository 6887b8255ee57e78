// Invite-only GROUP planets: staff invite a travel member in and take them out again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

describe('planets.addMember / removeMember', () => {
  it('brings a participant into an invite-only planet and takes them out, with audit rows', async () => {
    const s = await travelFixtures(t.rt).setup()
    const host = await s.as(s.host)
    const part = await s.as(s.part)
    const secret = await host.planets.create({
      travelId: s.travel.id,
      name: 'Surprise party',
      autoJoin: false,
    })
    expect(await codeOf(part.messages.list({ planetId: secret.id }))).toBe('PLT002')

    await host.planets.addMember({ planetId: secret.id, userId: s.part.id })
    expect((await part.messages.list({ planetId: secret.id })).items).toEqual([])

    await (await s.as(s.mod)).planets.removeMember({ planetId: secret.id, userId: s.part.id })
    expect(await codeOf(part.messages.list({ planetId: secret.id }))).toBe('PLT002')
    const actions = await t.rt.db.auditLog.findMany({
      where: { targetId: s.part.id, action: { startsWith: 'planet.member.' } },
      orderBy: { createdAt: 'asc' },
    })
    expect(actions.map((a) => a.action)).toEqual(['planet.member.added', 'planet.member.removed'])
  })

  it('refuses participants, outsiders as targets, announcement planets and non-members, changing nothing', async () => {
    const s = await travelFixtures(t.rt).setup()
    const [general, announcements] = s.planets.map((p) => ({ id: p.id })) as [{ id: string }, { id: string }]
    const before = await t.rt.db.planetUser.findMany({ where: { planet: { travelId: s.travel.id } } })
    const host = await s.as(s.host)
    expect(
      await codeOf((await s.as(s.part)).planets.addMember({ planetId: general.id, userId: s.part.id })),
    ).toBe('TRV011')
    expect(await codeOf(host.planets.addMember({ planetId: general.id, userId: s.outsider.id }))).toBe(
      'TRV013',
    )
    expect(await codeOf(host.planets.addMember({ planetId: announcements.id, userId: s.part.id }))).toBe(
      'PLT007',
    )
    expect(await codeOf(host.planets.removeMember({ planetId: general.id, userId: s.outsider.id }))).toBe(
      'MOD005',
    )
    const after = await t.rt.db.planetUser.findMany({ where: { planet: { travelId: s.travel.id } } })
    expect(after).toEqual(before)
  })
})
