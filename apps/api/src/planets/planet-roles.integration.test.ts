import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => travelFixtures(t.rt)
const roleIn = async (planetId: string, userId: string) =>
  (await t.rt.db.planetUser.findUniqueOrThrow({ where: { planetId_userId: { planetId, userId } } })).role

describe('planets.setRole', () => {
  it('lets the host, travel moderators and admins promote and demote planet members, with audit rows', async () => {
    const s = await fx().setup()
    const planetId = s.planets[0]?.id ?? ''
    await (await s.as(s.host)).planets.setRole({ planetId, userId: s.part.id, role: 'MODERATOR' })
    expect(await roleIn(planetId, s.part.id)).toBe('MODERATOR')
    await (await s.as(s.mod)).planets.setRole({ planetId, userId: s.part.id, role: 'MEMBER' })
    expect(await roleIn(planetId, s.part.id)).toBe('MEMBER')
    const result = await (await s.as(s.admin)).planets.setRole({
      planetId,
      userId: s.part.id,
      role: 'MODERATOR',
    })
    expect(result).toEqual({ planetId, userId: s.part.id, role: 'MODERATOR' })
    // Same role again: nothing to record.
    await (await s.as(s.admin)).planets.setRole({ planetId, userId: s.part.id, role: 'MODERATOR' })
    const audits = await t.rt.db.auditLog.findMany({
      where: { action: 'planet.member.role_changed', targetId: s.part.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(audits.map((a) => [a.actorId, (a.details as { to: string }).to])).toEqual([
      [s.host.id, 'MODERATOR'],
      [s.mod.id, 'MEMBER'],
      [s.admin.id, 'MODERATOR'],
    ])
    expect(audits[0]?.details).toMatchObject({ travelId: s.travel.id, planetId, from: 'MEMBER' })
  })

  it('refuses participants, outsiders, direct chats, non-members and demoting travel staff', async () => {
    const s = await fx().setup()
    const planetId = s.planets[0]?.id ?? ''
    const setRole =
      (u: { id: string }, input: { planetId?: string; userId: string; role: 'MODERATOR' | 'MEMBER' }) =>
      async () =>
        (await s.as(u)).planets.setRole({ planetId, ...input })
    const id = s.travel.id
    await fx().expectRefusedUnchanged(id, setRole(s.part, { userId: s.part.id, role: 'MODERATOR' }), 'TRV011')
    await fx().expectRefusedUnchanged(
      id,
      setRole(s.outsider, { userId: s.part.id, role: 'MODERATOR' }),
      'TRV002',
    )
    await fx().expectRefusedUnchanged(
      id,
      setRole(s.host, { userId: s.outsider.id, role: 'MODERATOR' }),
      'MOD005',
    )
    await fx().expectRefusedUnchanged(id, setRole(s.host, { userId: s.mod.id, role: 'MEMBER' }), 'TRV012')
    await (await s.as(s.part)).travels.leave({ travelId: id })
    await fx().expectRefusedUnchanged(id, setRole(s.host, { userId: s.part.id, role: 'MODERATOR' }), 'MOD005')

    const direct = await (await s.as(s.host)).planets.openDirect({ travelId: id, userId: s.mod.id })
    await fx().expectRefusedUnchanged(
      id,
      setRole(s.host, { planetId: direct.id, userId: s.mod.id, role: 'MODERATOR' }),
      'PLT007',
    )
    expect(
      await codeOf(
        (await s.as(s.host)).planets.setRole({ planetId: 'missing', userId: s.mod.id, role: 'MEMBER' }),
      ),
    ).toBe('PLT001')
  })
})
