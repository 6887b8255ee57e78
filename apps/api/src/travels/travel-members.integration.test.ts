import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from './travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => travelFixtures(t.rt)

const auditsFor = (targetId: string, action: string) =>
  t.rt.db.auditLog.findMany({ where: { targetId, action } })

describe('travels.leave', () => {
  it('marks the member and their planet rows LEFT with leftAt, and they lose access', async () => {
    const s = await fx().setup()
    const asMod = await s.as(s.mod)
    expect(await asMod.travels.leave({ travelId: s.travel.id })).toMatchObject({ status: 'LEFT' })
    const row = await fx().memberRow(s.travel.id, s.mod.id)
    expect(row.status).toBe('LEFT')
    expect(row.leftAt).toBeInstanceOf(Date)
    const planets = await fx().planetRows(s.travel.id, s.mod.id)
    expect(planets).toHaveLength(2)
    expect(planets.every((p) => p.status === 'LEFT' && p.role === 'MEMBER')).toBe(true)
    expect(await codeOf(asMod.travels.get({ travelId: s.travel.id }))).toBe('TRV002')
    expect(await codeOf(asMod.travels.leave({ travelId: s.travel.id }))).toBe('TRV002')
  })

  it('refuses the host (TRV010) and outsiders (TRV002), changing nothing', async () => {
    const s = await fx().setup()
    const leave = (u: { id: string }) => async () => (await s.as(u)).travels.leave({ travelId: s.travel.id })
    await fx().expectRefusedUnchanged(s.travel.id, leave(s.host), 'TRV010')
    await fx().expectRefusedUnchanged(s.travel.id, leave(s.outsider), 'TRV002')
    await fx().expectRefusedUnchanged(s.travel.id, leave(s.admin), 'TRV002')
  })
})

describe('travels.removeMember', () => {
  it('lets a moderator remove a participant, with the same effect as leave, and audits it', async () => {
    const s = await fx().setup()
    await (await s.as(s.mod)).travels.removeMember({ travelId: s.travel.id, userId: s.part.id })
    const row = await fx().memberRow(s.travel.id, s.part.id)
    expect(row).toMatchObject({ status: 'LEFT' })
    expect(row.leftAt).toBeInstanceOf(Date)
    const planets = await fx().planetRows(s.travel.id, s.part.id)
    expect(planets.every((p) => p.status === 'LEFT')).toBe(true)
    const [audit] = await auditsFor(s.part.id, 'travel.member.removed')
    expect(audit).toMatchObject({
      actorId: s.mod.id,
      targetType: 'user',
      details: { travelId: s.travel.id, role: 'PARTICIPANT' },
    })
  })

  it('lets the host remove a moderator', async () => {
    const s = await fx().setup()
    await (await s.as(s.host)).travels.removeMember({ travelId: s.travel.id, userId: s.mod.id })
    expect((await fx().memberRow(s.travel.id, s.mod.id)).status).toBe('LEFT')
    expect(await auditsFor(s.mod.id, 'travel.member.removed')).toHaveLength(1)
  })

  it('refuses each disallowed removal with its code, changing nothing', async () => {
    const s = await fx().setup()
    const other = await fx().setup()
    const id = s.travel.id
    const remove = (actor: { id: string }, userId: string) => async () =>
      (await s.as(actor)).travels.removeMember({ travelId: id, userId })
    await fx().expectRefusedUnchanged(id, remove(s.mod, s.host.id), 'TRV012')
    await fx().expectRefusedUnchanged(id, remove(s.host, s.host.id), 'TRV012')
    await fx().expectRefusedUnchanged(id, remove(s.part, s.mod.id), 'TRV011')
    await fx().expectRefusedUnchanged(id, remove(s.outsider, s.part.id), 'TRV002')
    await fx().expectRefusedUnchanged(id, remove(s.admin, s.host.id), 'TRV012')
    await fx().expectRefusedUnchanged(id, remove(s.host, s.outsider.id), 'TRV013')
    await fx().expectRefusedUnchanged(id, remove(s.host, other.part.id), 'TRV013')
    // A second moderator: moderators cannot remove each other.
    await (await s.as(s.host)).travels.setRole({ travelId: id, userId: s.part.id, role: 'MODERATOR' })
    await fx().expectRefusedUnchanged(id, remove(s.mod, s.part.id), 'TRV012')
  })
})

describe('travels.transferHost', () => {
  it('makes the target host and the old host a moderator, and audits it', async () => {
    const s = await fx().setup()
    await (await s.as(s.host)).travels.transferHost({ travelId: s.travel.id, userId: s.part.id })
    expect((await fx().memberRow(s.travel.id, s.part.id)).role).toBe('HOST')
    expect((await fx().memberRow(s.travel.id, s.host.id)).role).toBe('MODERATOR')
    const planets = await fx().planetRows(s.travel.id, s.part.id)
    expect(planets.every((p) => p.role === 'MODERATOR')).toBe(true)
    const [audit] = await auditsFor(s.part.id, 'travel.host.transferred')
    expect(audit).toMatchObject({ actorId: s.host.id, details: { previousHostId: s.host.id } })
    // The old host may now leave; the new one may not.
    await (await s.as(s.host)).travels.leave({ travelId: s.travel.id })
    expect(await codeOf((await s.as(s.part)).travels.leave({ travelId: s.travel.id }))).toBe('TRV010')
  })

  it('refuses non-hosts and inactive targets, changing nothing', async () => {
    const s = await fx().setup()
    const id = s.travel.id
    const transfer = (actor: { id: string }, userId: string) => async () =>
      (await s.as(actor)).travels.transferHost({ travelId: id, userId })
    await fx().expectRefusedUnchanged(id, transfer(s.mod, s.mod.id), 'TRV009')
    await fx().expectRefusedUnchanged(id, transfer(s.part, s.part.id), 'TRV009')
    await fx().expectRefusedUnchanged(id, transfer(s.admin, s.part.id), 'TRV002')
    await fx().expectRefusedUnchanged(id, transfer(s.outsider, s.outsider.id), 'TRV002')
    await fx().expectRefusedUnchanged(id, transfer(s.host, s.host.id), 'TRV012')
    await fx().expectRefusedUnchanged(id, transfer(s.host, s.outsider.id), 'TRV013')
    await (await s.as(s.part)).travels.leave({ travelId: id })
    await fx().expectRefusedUnchanged(id, transfer(s.host, s.part.id), 'TRV013')
  })
})

describe('travels.setRole', () => {
  it('promotes and demotes, keeping planet roles in step, and audits each change', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    await asHost.travels.setRole({ travelId: s.travel.id, userId: s.part.id, role: 'MODERATOR' })
    expect((await fx().memberRow(s.travel.id, s.part.id)).role).toBe('MODERATOR')
    expect((await fx().planetRows(s.travel.id, s.part.id)).every((p) => p.role === 'MODERATOR')).toBe(true)
    await asHost.travels.setRole({ travelId: s.travel.id, userId: s.mod.id, role: 'PARTICIPANT' })
    expect((await fx().memberRow(s.travel.id, s.mod.id)).role).toBe('PARTICIPANT')
    expect((await fx().planetRows(s.travel.id, s.mod.id)).every((p) => p.role === 'MEMBER')).toBe(true)
    const [promoted] = await auditsFor(s.part.id, 'travel.member.role_changed')
    expect(promoted?.details).toMatchObject({ from: 'PARTICIPANT', to: 'MODERATOR' })
    const [demoted] = await auditsFor(s.mod.id, 'travel.member.role_changed')
    expect(demoted?.details).toMatchObject({ from: 'MODERATOR', to: 'PARTICIPANT' })
    // The demoted moderator lost staff powers.
    const asOld = await s.as(s.mod)
    expect(await codeOf(asOld.travels.removeMember({ travelId: s.travel.id, userId: s.part.id }))).toBe(
      'TRV011',
    )
  })

  it('refuses non-hosts, the host as target and outsiders, changing nothing', async () => {
    const s = await fx().setup()
    const id = s.travel.id
    const set = (actor: { id: string }, userId: string) => async () =>
      (await s.as(actor)).travels.setRole({ travelId: id, userId, role: 'MODERATOR' })
    await fx().expectRefusedUnchanged(id, set(s.mod, s.part.id), 'TRV009')
    await fx().expectRefusedUnchanged(id, set(s.part, s.part.id), 'TRV009')
    await fx().expectRefusedUnchanged(id, set(s.admin, s.part.id), 'TRV002')
    await fx().expectRefusedUnchanged(id, set(s.outsider, s.part.id), 'TRV002')
    await fx().expectRefusedUnchanged(id, set(s.host, s.host.id), 'TRV012')
    await fx().expectRefusedUnchanged(id, set(s.host, s.outsider.id), 'TRV013')
  })
})
