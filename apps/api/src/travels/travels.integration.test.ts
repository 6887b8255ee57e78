import { seedTravel } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { day, travelFixtures } from './travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => travelFixtures(t.rt)

describe('travels.get and travels.members', () => {
  it('shows a travel to members and admins, hiding an invite-only code from participants', async () => {
    const s = await fx().setup()
    const asHost = await (await s.as(s.host)).travels.get({ travelId: s.travel.id })
    expect(asHost).toMatchObject({
      id: s.travel.id,
      memberCount: 3,
      myRole: 'HOST',
      inviteCode: s.travel.inviteCode,
    })
    const asPart = await (await s.as(s.part)).travels.get({ travelId: s.travel.id })
    expect(asPart).toMatchObject({ myRole: 'PARTICIPANT', inviteCode: null })
    const asAdmin = await (await s.as(s.admin)).travels.get({ travelId: s.travel.id })
    expect(asAdmin).toMatchObject({ myRole: null, memberCount: 3 })
    expect(await codeOf((await s.as(s.outsider)).travels.get({ travelId: s.travel.id }))).toBe('TRV002')
    expect(await codeOf((await s.as(s.host)).travels.get({ travelId: 'missing' }))).toBe('TRV001')
  })

  it('lists active members with nickname and role; inactive ones only for staff on request', async () => {
    const s = await fx().setup()
    await (await s.as(s.part)).travels.leave({ travelId: s.travel.id })
    const list = await (await s.as(s.mod)).travels.members({ travelId: s.travel.id })
    expect(list.map((m) => [m.userId, m.role, m.status])).toEqual([
      [s.host.id, 'HOST', 'ACTIVE'],
      [s.mod.id, 'MODERATOR', 'ACTIVE'],
    ])
    expect(list[0]?.nickname).toMatch(/^traveller-/)
    const all = await (await s.as(s.mod)).travels.members({ travelId: s.travel.id, includeInactive: true })
    expect(all.find((m) => m.userId === s.part.id)?.status).toBe('LEFT')
    expect(await codeOf((await s.as(s.outsider)).travels.members({ travelId: s.travel.id }))).toBe('TRV002')
    expect(await codeOf((await s.as(s.part)).travels.members({ travelId: s.travel.id }))).toBe('TRV002')
    const other = await fx().setup()
    const asPart = await other.as(other.part)
    expect(await codeOf(asPart.travels.members({ travelId: other.travel.id, includeInactive: true }))).toBe(
      'TRV011',
    )
  })
})

describe('travels.discover', () => {
  it('lists public, live travels with member counts, paged by cursor', async () => {
    const s = await fx().setup({
      visibility: 'PUBLIC',
      startDate: new Date(Date.now() + 400 * day),
      endDate: new Date(Date.now() + 410 * day),
      status: 'PLANNING',
    })
    const second = await seedTravel(t.rt.db, {
      hostId: s.host.id,
      visibility: 'PUBLIC',
      startDate: new Date(Date.now() + 401 * day),
      endDate: new Date(Date.now() + 411 * day),
    })
    const hidden = await Promise.all([
      seedTravel(t.rt.db, { hostId: s.host.id, visibility: 'INVITE_ONLY' }),
      seedTravel(t.rt.db, {
        hostId: s.host.id,
        visibility: 'PUBLIC',
        status: 'ENDED',
        startDate: new Date(Date.now() - 9 * day),
        endDate: new Date(Date.now() - day),
      }),
      seedTravel(t.rt.db, { hostId: s.host.id, visibility: 'PUBLIC' }).then(async (d) => {
        await t.rt.db.travel.update({ where: { id: d.travel.id }, data: { deletedAt: new Date() } })
        return d
      }),
    ])
    const caller = await s.as(s.outsider)
    const all = await caller.travels.discover({ limit: 50 })
    const ids = all.items.map((i) => i.id)
    expect(ids).toContain(s.travel.id)
    expect(ids).toContain(second.travel.id)
    for (const h of hidden) expect(ids).not.toContain(h.travel.id)
    expect(all.items.find((i) => i.id === s.travel.id)?.memberCount).toBe(3)
    const idx = ids.indexOf(s.travel.id)
    const page = await caller.travels.discover({ cursor: s.travel.id, limit: 1 })
    expect(page.items[0]?.id).toBe(ids[idx + 1])
    expect(page.items[0]?.id).toBe(second.travel.id)
  })
})

describe('travels.update and travels.regenerateInviteCode', () => {
  it('lets the host and an admin edit, recomputes status from dates, and audits', async () => {
    const s = await fx().setup({
      status: 'ENDED',
      startDate: new Date(Date.now() - 10 * day),
      endDate: new Date(Date.now() - day),
    })
    const updated = await (await s.as(s.host)).travels.update({
      travelId: s.travel.id,
      name: 'Longer trip',
      endDate: new Date(Date.now() + 3 * day),
    })
    expect(updated).toMatchObject({ name: 'Longer trip', status: 'ACTIVE' })
    const byAdmin = await (await s.as(s.admin)).travels.update({
      travelId: s.travel.id,
      maxMembers: null,
      description: 'x',
    })
    expect(byAdmin).toMatchObject({ maxMembers: null, description: 'x', name: 'Longer trip' })
    const audits = await t.rt.db.auditLog.findMany({
      where: { targetId: s.travel.id, action: 'travel.updated' },
      orderBy: { createdAt: 'asc' },
    })
    expect(audits.map((a) => a.actorId)).toEqual([s.host.id, s.admin.id])
    expect(audits[0]?.details).toMatchObject({
      fields: ['name', 'endDate'],
      status: { from: 'ENDED', to: 'ACTIVE' },
    })
  })

  it('refuses moderators, participants, outsiders and inverted dates, changing nothing', async () => {
    const s = await fx().setup()
    const id = s.travel.id
    const update = async (u: { id: string }, extra = {}) =>
      (await s.as(u)).travels.update({ travelId: id, name: 'Hijacked', ...extra })
    await fx().expectRefusedUnchanged(id, () => update(s.mod), 'TRV009')
    await fx().expectRefusedUnchanged(id, () => update(s.part), 'TRV009')
    await fx().expectRefusedUnchanged(id, () => update(s.outsider), 'TRV002')
    await fx().expectRefusedUnchanged(
      id,
      () => update(s.host, { endDate: new Date(Date.now() - 30 * day) }),
      'SYS001',
    )
  })

  it('regenerates the invite code; the old code stops working and the new one works', async () => {
    const s = await fx().setup()
    const { inviteCode } = await (await s.as(s.host)).travels.regenerateInviteCode({ travelId: s.travel.id })
    expect(inviteCode).not.toBe(s.travel.inviteCode)
    const joiner = await s.as(s.outsider)
    expect(await codeOf(joiner.travels.join({ inviteCode: s.travel.inviteCode }))).toBe('TRV004')
    await joiner.travels.join({ inviteCode })
    expect((await fx().memberRow(s.travel.id, s.outsider.id)).status).toBe('ACTIVE')
    await (await s.as(s.admin)).travels.regenerateInviteCode({ travelId: s.travel.id })
    const audits = await t.rt.db.auditLog.findMany({
      where: { targetId: s.travel.id, action: 'travel.invite_code.regenerated' },
    })
    expect(audits.map((a) => a.actorId).sort()).toEqual([s.host.id, s.admin.id].sort())
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.mod)).travels.regenerateInviteCode({ travelId: s.travel.id }),
      'TRV009',
    )
    await fx().expectRefusedUnchanged(
      s.travel.id,
      async () => (await s.as(s.part)).travels.regenerateInviteCode({ travelId: s.travel.id }),
      'TRV009',
    )
  })
})
