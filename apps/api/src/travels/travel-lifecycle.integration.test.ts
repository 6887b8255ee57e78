import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from './travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime({ env: { PUBLIC_WEB_URL: 'https://connecto.example/' } })
})
afterAll(() => t.close())
const fx = () => travelFixtures(t.rt)
const actionsOn = async (travelId: string) =>
  (
    await t.rt.db.auditLog.findMany({
      where: { targetType: 'travel', targetId: travelId },
      orderBy: { createdAt: 'asc' },
    })
  ).map((a) => [a.action, a.actorId])

describe('travels.freeze and travels.unfreeze', () => {
  it('lets an admin freeze a travel, which then refuses joins and sends, and unfreeze it', async () => {
    const s = await fx().setup()
    const asAdmin = await s.as(s.admin)
    expect(await asAdmin.travels.freeze({ travelId: s.travel.id })).toEqual({
      travelId: s.travel.id,
      isFrozen: true,
    })
    expect((await asAdmin.travels.get({ travelId: s.travel.id })).isFrozen).toBe(true)
    const asOutsider = await s.as(s.outsider)
    expect(await codeOf(asOutsider.travels.join({ inviteCode: s.travel.inviteCode }))).toBe('TRV006')
    const send = async () =>
      (await s.as(s.part)).messages.send({
        planetId: s.planets[0]?.id ?? '',
        clientMessageId: randomUUID(),
        content: 'hello',
      })
    expect(await codeOf(send())).toBe('TRV006')
    await asAdmin.travels.freeze({ travelId: s.travel.id })
    await asAdmin.travels.unfreeze({ travelId: s.travel.id })
    await send()
    await asOutsider.travels.join({ inviteCode: s.travel.inviteCode })
    expect(await actionsOn(s.travel.id)).toEqual([
      ['travel.frozen', s.admin.id],
      ['travel.unfrozen', s.admin.id],
    ])
  })

  it('refuses everyone but platform admins with AUTH011, changing nothing', async () => {
    const s = await fx().setup()
    for (const u of [s.host, s.mod, s.part, s.outsider]) {
      const caller = await s.as(u)
      await fx().expectRefusedUnchanged(
        s.travel.id,
        () => caller.travels.freeze({ travelId: s.travel.id }),
        'AUTH011',
      )
      await fx().expectRefusedUnchanged(
        s.travel.id,
        () => caller.travels.unfreeze({ travelId: s.travel.id }),
        'AUTH011',
      )
    }
    expect(await codeOf((await s.as(s.admin)).travels.freeze({ travelId: 'missing' }))).toBe('TRV001')
  })
})

describe('travels.delete and travels.restore', () => {
  it('soft-deletes for the host: gone from get, listMine and join; an admin restores it', async () => {
    const s = await fx().setup({ visibility: 'PUBLIC' })
    const asHost = await s.as(s.host)
    const { deletedAt } = await asHost.travels.delete({ travelId: s.travel.id })
    const row = await t.rt.db.travel.findUniqueOrThrow({ where: { id: s.travel.id } })
    expect(row.deletedAt).toEqual(deletedAt)
    expect(await codeOf(asHost.travels.get({ travelId: s.travel.id }))).toBe('TRV001')
    expect(await codeOf((await s.as(s.admin)).travels.get({ travelId: s.travel.id }))).toBe('TRV001')
    expect((await asHost.travels.listMine()).map((x) => x.id)).not.toContain(s.travel.id)
    const discovered = await (await s.as(s.outsider)).travels.discover({ limit: 50 })
    expect(discovered.items.map((x) => x.id)).not.toContain(s.travel.id)
    expect(await codeOf((await s.as(s.outsider)).travels.join({ inviteCode: s.travel.inviteCode }))).toBe(
      'TRV004',
    )
    expect(await codeOf(asHost.travels.delete({ travelId: s.travel.id }))).toBe('TRV001')

    await (await s.as(s.admin)).travels.restore({ travelId: s.travel.id })
    expect((await asHost.travels.get({ travelId: s.travel.id })).id).toBe(s.travel.id)
    expect((await asHost.travels.listMine()).map((x) => x.id)).toContain(s.travel.id)
    expect(await actionsOn(s.travel.id)).toEqual([
      ['travel.deleted', s.host.id],
      ['travel.restored', s.admin.id],
    ])
  })

  it('lets an admin delete; refuses moderators, participants and outsiders', async () => {
    const s = await fx().setup()
    const del = (u: { id: string }) => async () => (await s.as(u)).travels.delete({ travelId: s.travel.id })
    await fx().expectRefusedUnchanged(s.travel.id, del(s.mod), 'TRV009')
    await fx().expectRefusedUnchanged(s.travel.id, del(s.part), 'TRV009')
    await fx().expectRefusedUnchanged(s.travel.id, del(s.outsider), 'TRV002')
    await del(s.admin)()
    expect(await actionsOn(s.travel.id)).toEqual([['travel.deleted', s.admin.id]])
  })

  it('restores for platform admins only', async () => {
    const s = await fx().setup()
    await (await s.as(s.host)).travels.delete({ travelId: s.travel.id })
    for (const u of [s.host, s.mod, s.part, s.outsider]) {
      const caller = await s.as(u)
      expect(await codeOf(caller.travels.restore({ travelId: s.travel.id }))).toBe('AUTH011')
    }
    expect((await t.rt.db.travel.findUniqueOrThrow({ where: { id: s.travel.id } })).deletedAt).not.toBeNull()
    expect(await codeOf((await s.as(s.admin)).travels.restore({ travelId: 'missing' }))).toBe('TRV001')
  })
})

describe('invite links', () => {
  it('comes with the code on get and listMine, and is hidden with it', async () => {
    const s = await fx().setup()
    const link = `https://connecto.example/join/${s.travel.inviteCode}`
    const asHost = await s.as(s.host)
    expect(await asHost.travels.get({ travelId: s.travel.id })).toMatchObject({
      inviteCode: s.travel.inviteCode,
      inviteLink: link,
    })
    const mine = (await asHost.travels.listMine()).find((x) => x.id === s.travel.id)
    expect(mine).toMatchObject({ inviteCode: s.travel.inviteCode, inviteLink: link })
    const asPart = await s.as(s.part)
    expect(await asPart.travels.get({ travelId: s.travel.id })).toMatchObject({
      inviteCode: null,
      inviteLink: null,
    })
    const partMine = (await asPart.travels.listMine()).find((x) => x.id === s.travel.id)
    expect(partMine).toMatchObject({ inviteCode: null, inviteLink: null })
  })
})
