import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => travelFixtures(t.rt)
const audits = (targetId: string) =>
  t.rt.db.auditLog.findMany({ where: { targetType: 'planet', targetId }, orderBy: { createdAt: 'asc' } })

describe('planets.list', () => {
  it('lists the travel planets with my role, member count and chat hours; members and admins only', async () => {
    const s = await fx().setup()
    const list = await (await s.as(s.part)).planets.list({ travelId: s.travel.id })
    expect(list.map((p) => [p.name, p.type, p.status, p.myRole, p.memberCount, p.chatHours.open])).toEqual([
      ['General', 'GROUP', 'ACTIVE', 'MEMBER', 3, true],
      ['Announcements', 'ANNOUNCEMENT', 'ACTIVE', 'MEMBER', 3, true],
    ])
    expect(await codeOf((await s.as(s.outsider)).planets.list({ travelId: s.travel.id }))).toBe('TRV002')
    // Platform admins read any travel's planets (moderation), with no role of their own.
    const asAdmin = await (await s.as(s.admin)).planets.list({ travelId: s.travel.id })
    expect(asAdmin.map((p) => [p.name, p.myRole])).toEqual([
      ['General', null],
      ['Announcements', null],
    ])
  })

  it('hides deleted planets and other pairs’ direct chats', async () => {
    const s = await fx().setup()
    await (await s.as(s.host)).planets.openDirect({ travelId: s.travel.id, userId: s.mod.id })
    await (await s.as(s.host)).planets.delete({ planetId: s.planets[0]?.id ?? '' })
    const asPart = await (await s.as(s.part)).planets.list({ travelId: s.travel.id })
    expect(asPart.map((p) => p.name)).toEqual(['Announcements'])
    const asMod = await (await s.as(s.mod)).planets.list({ travelId: s.travel.id })
    expect(asMod.map((p) => p.type)).toEqual(['ANNOUNCEMENT', 'DIRECT'])
  })
})

describe('planets.create', () => {
  it('creates a GROUP planet every active member joins, creator moderating, with an audit row', async () => {
    const s = await fx().setup()
    await (await s.as(s.part)).travels.leave({ travelId: s.travel.id })
    const planet = await (await s.as(s.mod)).planets.create({
      travelId: s.travel.id,
      name: 'Food',
      timeRestrictionType: 'DAILY',
      timeRestriction: { startTime: '09:00', endTime: '22:00' },
      timeZone: 'Asia/Seoul',
    })
    expect(planet).toMatchObject({
      type: 'GROUP',
      status: 'ACTIVE',
      timeRestrictionType: 'DAILY',
      timeZone: 'Asia/Seoul',
    })
    const members = await (await s.as(s.host)).planets.members({ planetId: planet.id })
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [s.host.id, 'MODERATOR'],
        [s.mod.id, 'MODERATOR'],
      ].sort(),
    )
    expect((await audits(planet.id)).map((a) => [a.action, a.actorId])).toEqual([
      ['planet.created', s.mod.id],
    ])
  })

  it('with autoJoin false only the creator joins; admins may create too', async () => {
    const s = await fx().setup()
    const planet = await (await s.as(s.host)).planets.create({
      travelId: s.travel.id,
      name: 'Staff',
      autoJoin: false,
    })
    const members = await (await s.as(s.host)).planets.members({ planetId: planet.id })
    expect(members.map((m) => m.userId)).toEqual([s.host.id])
    expect(await codeOf((await s.as(s.part)).planets.members({ planetId: planet.id }))).toBe('PLT002')
    const byAdmin = await (await s.as(s.admin)).planets.create({ travelId: s.travel.id, name: 'Ops' })
    expect(byAdmin.type).toBe('GROUP')
  })

  it('refuses participants (TRV011), outsiders (TRV002) and bad chat hours, changing nothing', async () => {
    const s = await fx().setup()
    const f = fx()
    await f.expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.part)).planets.create({ travelId: s.travel.id, name: 'X' }),
      'TRV011',
    )
    await f.expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.outsider)).planets.create({ travelId: s.travel.id, name: 'X' }),
      'TRV002',
    )
    const asHost = await s.as(s.host)
    const bad = [
      { timeRestrictionType: 'DAILY' as const, timeRestriction: { startTime: '25:00', endTime: '10:00' } },
      { timeRestrictionType: 'WEEKLY' as const },
      { timeRestriction: { startTime: '09:00', endTime: '10:00' } },
      { timeZone: 'Mars/Olympus' },
    ]
    for (const extra of bad) {
      expect(await codeOf(asHost.planets.create({ travelId: s.travel.id, name: 'X', ...extra }))).toBe(
        'SYS001',
      )
    }
    expect(await t.rt.db.planet.count({ where: { travelId: s.travel.id } })).toBe(2)
  })
})

describe('planets.update', () => {
  it('lets travel staff and planet moderators change a planet, audited; NONE clears chat hours', async () => {
    const s = await fx().setup()
    const general = s.planets[0]?.id ?? ''
    const updated = await (await s.as(s.mod)).planets.update({
      planetId: general,
      name: 'Lobby',
      description: 'Say hi',
      timeRestrictionType: 'WEEKLY',
      timeRestriction: { windows: [{ daysOfWeek: [1, 2], startTime: '08:00', endTime: '20:00' }] },
    })
    expect(updated).toMatchObject({ name: 'Lobby', description: 'Say hi', timeRestrictionType: 'WEEKLY' })
    const cleared = await (await s.as(s.host)).planets.update({
      planetId: general,
      timeRestrictionType: 'NONE',
    })
    expect(cleared).toMatchObject({
      timeRestrictionType: 'NONE',
      timeRestriction: null,
      chatHours: { open: true },
    })
    // A participant who moderates this planet may edit it.
    await t.rt.db.planetUser.updateMany({
      where: { planetId: general, userId: s.part.id },
      data: { role: 'MODERATOR' },
    })
    expect((await (await s.as(s.part)).planets.update({ planetId: general, name: 'Hall' })).name).toBe('Hall')
    expect((await audits(general)).map((a) => a.action)).toEqual([
      'planet.updated',
      'planet.updated',
      'planet.updated',
    ])
  })

  it('refuses participants, outsiders, direct chats and missing planets', async () => {
    const s = await fx().setup()
    const general = s.planets[0]?.id ?? ''
    expect(await codeOf((await s.as(s.part)).planets.update({ planetId: general, name: 'X' }))).toBe('TRV011')
    expect(await codeOf((await s.as(s.outsider)).planets.update({ planetId: general, name: 'X' }))).toBe(
      'TRV002',
    )
    expect(await codeOf((await s.as(s.host)).planets.update({ planetId: 'missing', name: 'X' }))).toBe(
      'PLT001',
    )
    const direct = await (await s.as(s.host)).planets.openDirect({ travelId: s.travel.id, userId: s.part.id })
    expect(await codeOf((await s.as(s.host)).planets.update({ planetId: direct.id, name: 'X' }))).toBe(
      'PLT007',
    )
    expect(await audits(general)).toEqual([])
  })
})

describe('planets.archive and planets.delete', () => {
  it('the host archives then deletes, each audited; archived planets refuse sends', async () => {
    const s = await fx().setup()
    const general = s.planets[0]?.id ?? ''
    const asHost = await s.as(s.host)
    expect(await asHost.planets.archive({ planetId: general })).toEqual({
      planetId: general,
      status: 'ARCHIVED',
    })
    expect(
      await codeOf(
        (await s.as(s.part)).messages.send({
          planetId: general,
          clientMessageId: 'archived-1',
          content: 'hi',
        }),
      ),
    ).toBe('PLT006')
    expect((await (await s.as(s.part)).planets.members({ planetId: general })).length).toBe(3)
    expect(await asHost.planets.delete({ planetId: general })).toEqual({
      planetId: general,
      status: 'DELETED',
    })
    expect(await codeOf(asHost.planets.members({ planetId: general }))).toBe('PLT001')
    expect(await codeOf(asHost.planets.archive({ planetId: general }))).toBe('PLT001')
    expect((await audits(general)).map((a) => [a.action, a.actorId])).toEqual([
      ['planet.archived', s.host.id],
      ['planet.deleted', s.host.id],
    ])
  })

  it('admins may; moderators (TRV009), participants (TRV009) and outsiders (TRV002) may not', async () => {
    const s = await fx().setup()
    const [general, announcements] = s.planets.map((p) => p?.id ?? '')
    expect(await codeOf((await s.as(s.mod)).planets.archive({ planetId: general ?? '' }))).toBe('TRV009')
    expect(await codeOf((await s.as(s.part)).planets.delete({ planetId: general ?? '' }))).toBe('TRV009')
    expect(await codeOf((await s.as(s.outsider)).planets.delete({ planetId: general ?? '' }))).toBe('TRV002')
    expect(await t.rt.db.planet.findUniqueOrThrow({ where: { id: general ?? '' } })).toMatchObject({
      status: 'ACTIVE',
    })
    expect((await (await s.as(s.admin)).planets.delete({ planetId: announcements ?? '' })).status).toBe(
      'DELETED',
    )
  })
})

describe('planets.openDirect', () => {
  it('finds or creates the one direct chat of a pair, from either side and under concurrency', async () => {
    const s = await fx().setup()
    const asPart = await s.as(s.part)
    const asMod = await s.as(s.mod)
    const first = await asPart.planets.openDirect({ travelId: s.travel.id, userId: s.mod.id })
    expect(first).toMatchObject({ type: 'DIRECT', status: 'ACTIVE' })
    const again = await asPart.planets.openDirect({ travelId: s.travel.id, userId: s.mod.id })
    const reverse = await asMod.planets.openDirect({ travelId: s.travel.id, userId: s.part.id })
    expect([again.id, reverse.id]).toEqual([first.id, first.id])
    const members = await asMod.planets.members({ planetId: first.id })
    expect(members.map((m) => m.userId).sort()).toEqual([s.mod.id, s.part.id].sort())
    expect(await codeOf((await s.as(s.host)).planets.members({ planetId: first.id }))).toBe('PLT002')
    await asMod.messages.send({ planetId: first.id, clientMessageId: 'direct-001', content: 'hey' })
  })

  it('two concurrent first opens create one planet', async () => {
    const s = await fx().setup()
    const [asHost, asPart] = await Promise.all([s.as(s.host), s.as(s.part)])
    const results = await Promise.all([
      asHost.planets.openDirect({ travelId: s.travel.id, userId: s.part.id }),
      asPart.planets.openDirect({ travelId: s.travel.id, userId: s.host.id }),
      asHost.planets.openDirect({ travelId: s.travel.id, userId: s.part.id }),
      asPart.planets.openDirect({ travelId: s.travel.id, userId: s.host.id }),
    ])
    expect(new Set(results.map((r) => r.id)).size).toBe(1)
    expect(await t.rt.db.planet.count({ where: { travelId: s.travel.id, type: 'DIRECT' } })).toBe(1)
  })

  it('refuses self (PLT008), non-member targets (TRV013) and non-member callers (TRV002)', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    expect(await codeOf(asHost.planets.openDirect({ travelId: s.travel.id, userId: s.host.id }))).toBe(
      'PLT008',
    )
    expect(await codeOf(asHost.planets.openDirect({ travelId: s.travel.id, userId: s.outsider.id }))).toBe(
      'TRV013',
    )
    await (await s.as(s.part)).travels.leave({ travelId: s.travel.id })
    expect(await codeOf(asHost.planets.openDirect({ travelId: s.travel.id, userId: s.part.id }))).toBe(
      'TRV013',
    )
    expect(
      await codeOf((await s.as(s.outsider)).planets.openDirect({ travelId: s.travel.id, userId: s.host.id })),
    ).toBe('TRV002')
    expect(await t.rt.db.planet.count({ where: { travelId: s.travel.id, type: 'DIRECT' } })).toBe(0)
  })
})
