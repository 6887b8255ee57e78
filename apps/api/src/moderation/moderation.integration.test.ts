// Travel bans, planet mutes and reports through the real router against real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type callerFor, codeOf, createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => travelFixtures(t.rt)

let n = 0
type Caller = Awaited<ReturnType<typeof callerFor>>
const send = (caller: Caller, planetId: string) =>
  caller.messages.send({ planetId, clientMessageId: `m-${++n}-${Date.now()}`, content: `hello ${n}` })

const audits = (action: string, targetId: string) => t.rt.db.auditLog.count({ where: { action, targetId } })

describe('moderation.banFromTravel', () => {
  it('bans a member from the travel and all its planets, notifies and audits; unban restores', async () => {
    const f = fx()
    const s = await f.setup()
    const [general] = s.planets
    const asHost = await s.as(s.host)
    const asPart = await s.as(s.part)
    const res = await asHost.moderation.banFromTravel({
      travelId: s.travel.id,
      userId: s.part.id,
      reason: 'spam',
      durationHours: 48,
    })
    expect(res.status).toBe('BANNED')
    const row = await f.memberRow(s.travel.id, s.part.id)
    expect(row).toMatchObject({ status: 'BANNED', banReason: 'spam', bannedById: s.host.id })
    expect(row.bannedUntil!.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000)
    expect((await f.planetRows(s.travel.id, s.part.id)).map((p) => p.status)).toEqual(['BANNED', 'BANNED'])
    const note = await t.rt.db.notification.findFirstOrThrow({ where: { userId: s.part.id } })
    expect(note).toMatchObject({ type: 'BANNED', data: { travelId: s.travel.id } })
    expect(await audits('travel.member.banned', s.part.id)).toBe(1)

    expect(await codeOf(asPart.messages.list({ planetId: general!.id }))).toBe('TRV008')
    expect(await codeOf(send(asPart, general!.id))).toBe('TRV008')
    expect(await codeOf(asPart.travels.join({ inviteCode: s.travel.inviteCode }))).toBe('TRV008')

    await asHost.moderation.unbanFromTravel({ travelId: s.travel.id, userId: s.part.id })
    expect(await f.memberRow(s.travel.id, s.part.id)).toMatchObject({ status: 'ACTIVE', bannedUntil: null })
    expect((await f.planetRows(s.travel.id, s.part.id)).map((p) => p.status)).toEqual(['ACTIVE', 'ACTIVE'])
    expect(await audits('travel.member.unbanned', s.part.id)).toBe(1)
    await send(asPart, general!.id)
    expect((await asPart.messages.list({ planetId: general!.id })).items).toHaveLength(1)
  })

  it('lets a moderator ban a participant but not the host or another moderator; refusals change nothing', async () => {
    const f = fx()
    const s = await f.setup()
    const asMod = await s.as(s.mod)
    const asPart = await s.as(s.part)
    const ban = (userId: string) => () =>
      asMod.moderation.banFromTravel({ travelId: s.travel.id, userId, reason: 'x' })
    await f.expectRefusedUnchanged(s.travel.id, ban(s.host.id), 'TRV012')
    await f.expectRefusedUnchanged(s.travel.id, ban(s.mod.id), 'TRV012')
    await f.expectRefusedUnchanged(
      s.travel.id,
      () => asPart.moderation.banFromTravel({ travelId: s.travel.id, userId: s.mod.id, reason: 'x' }),
      'TRV011',
    )
    await f.expectRefusedUnchanged(
      s.travel.id,
      async () =>
        (await s.as(s.outsider)).moderation.banFromTravel({
          travelId: s.travel.id,
          userId: s.part.id,
          reason: 'x',
        }),
      'TRV002',
    )
    await f.expectRefusedUnchanged(
      s.travel.id,
      async () =>
        (await s.as(s.admin)).moderation.banFromTravel({
          travelId: s.travel.id,
          userId: s.host.id,
          reason: 'x',
        }),
      'TRV012',
    )
    expect(await t.rt.db.notification.count({ where: { userId: { in: [s.host.id, s.mod.id] } } })).toBe(0)
    await ban(s.part.id)()
    expect((await f.memberRow(s.travel.id, s.part.id)).status).toBe('BANNED')
    // A platform admin outside the travel may ban too.
    await (await s.as(s.admin)).moderation.banFromTravel({
      travelId: s.travel.id,
      userId: s.mod.id,
      reason: 'y',
    })
    expect(await f.memberRow(s.travel.id, s.mod.id)).toMatchObject({ status: 'BANNED', role: 'PARTICIPANT' })
  })

  it('treats a ban past bannedUntil as lifted: reads work again and the rows are reactivated', async () => {
    const f = fx()
    const s = await f.setup()
    const [general] = s.planets
    const asPart = await s.as(s.part)
    await (await s.as(s.host)).moderation.banFromTravel({
      travelId: s.travel.id,
      userId: s.part.id,
      reason: 'cool off',
      durationHours: 1,
    })
    expect(await codeOf(asPart.messages.list({ planetId: general!.id }))).toBe('TRV008')
    await t.rt.db.travelUser.update({
      where: { travelId_userId: { travelId: s.travel.id, userId: s.part.id } },
      data: { bannedUntil: new Date(Date.now() - 1000) },
    })
    expect((await asPart.messages.list({ planetId: general!.id })).items).toEqual([])
    expect((await f.memberRow(s.travel.id, s.part.id)).status).toBe('ACTIVE')
    expect((await f.planetRows(s.travel.id, s.part.id)).map((p) => p.status)).toEqual(['ACTIVE', 'ACTIVE'])
    await send(asPart, general!.id)
  })
})

describe('moderation.mute', () => {
  it('mutes a member: they read but cannot send (PLT003) until unmuted; notified and audited', async () => {
    const f = fx()
    const s = await f.setup()
    const [general] = s.planets
    const asPart = await s.as(s.part)
    const asMod = await s.as(s.mod)
    const res = await asMod.moderation.mute({
      planetId: general!.id,
      userId: s.part.id,
      duration: '24h',
      reason: 'flood',
    })
    expect(res.mutedUntil.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000)
    expect(await codeOf(send(asPart, general!.id))).toBe('PLT003')
    expect((await asPart.messages.list({ planetId: general!.id })).items).toEqual([])
    const note = await t.rt.db.notification.findFirstOrThrow({ where: { userId: s.part.id } })
    expect(note).toMatchObject({ type: 'MUTED', data: { planetId: general!.id } })
    expect(await audits('planet.member.muted', s.part.id)).toBe(1)
    await asMod.moderation.unmute({ planetId: general!.id, userId: s.part.id })
    expect(await audits('planet.member.unmuted', s.part.id)).toBe(1)
    await send(asPart, general!.id)
  })

  it('accepts an explicit end, refuses one in the past, and ends by itself', async () => {
    const s = await fx().setup()
    const [general] = s.planets
    const asHost = await s.as(s.host)
    const past = { until: new Date(Date.now() - 1000) }
    expect(
      await codeOf(asHost.moderation.mute({ planetId: general!.id, userId: s.part.id, duration: past })),
    ).toBe('SYS001')
    await asHost.moderation.mute({
      planetId: general!.id,
      userId: s.part.id,
      duration: { until: new Date(Date.now() + 60_000) },
    })
    expect(await codeOf(send(await s.as(s.part), general!.id))).toBe('PLT003')
    await t.rt.db.planetUser.updateMany({
      where: { planetId: general!.id, userId: s.part.id },
      data: { mutedUntil: new Date(Date.now() - 1000) },
    })
    await send(await s.as(s.part), general!.id)
  })

  it('refuses participants, outsiders, muting the host, and a moderator muting a moderator', async () => {
    const f = fx()
    const s = await f.setup()
    const [general] = s.planets
    const mute = (by: { id: string }, userId: string) => async () =>
      (await s.as(by)).moderation.mute({ planetId: general!.id, userId, duration: '1h' })
    await f.expectRefusedUnchanged(s.travel.id, mute(s.part, s.mod.id), 'TRV011')
    await f.expectRefusedUnchanged(s.travel.id, mute(s.outsider, s.part.id), 'TRV002')
    await f.expectRefusedUnchanged(s.travel.id, mute(s.mod, s.host.id), 'TRV012')
    await f.expectRefusedUnchanged(s.travel.id, mute(s.admin, s.host.id), 'TRV012')
    await f.expectRefusedUnchanged(s.travel.id, mute(s.host, s.outsider.id), 'MOD005')
    await mute(s.host, s.mod.id)()
    await mute(s.admin, s.part.id)()
    expect(
      await t.rt.db.notification.count({ where: { type: 'MUTED', userId: { in: [s.mod.id, s.part.id] } } }),
    ).toBe(2)
  })
})

describe('reports', () => {
  it('shows a report to the host of its travel and admins only; DELETE_MESSAGE soft-deletes and emits', async () => {
    const s = await fx().setup()
    const other = await fx().setup()
    const [general] = s.planets
    const msg = await send(await s.as(s.part), general!.id)
    const asMod = await s.as(s.mod)
    expect(
      await codeOf(
        (await s.as(s.outsider)).moderation.report({
          targetType: 'MESSAGE',
          targetId: msg.id,
          reason: 'rude',
        }),
      ),
    ).toBe('PLT002')
    const report = await asMod.moderation.report({ targetType: 'MESSAGE', targetId: msg.id, reason: 'rude' })
    expect(report.status).toBe('OPEN')
    const asHost = await s.as(s.host)
    expect((await asHost.moderation.listReports({})).map((r) => r.id)).toEqual([report.id])
    expect(await (await other.as(other.host)).moderation.listReports({})).toEqual([])
    expect(await codeOf((await other.as(other.host)).moderation.listReports({ travelId: s.travel.id }))).toBe(
      'TRV002',
    )
    expect(await codeOf((await s.as(s.part)).moderation.listReports({ travelId: s.travel.id }))).toBe(
      'TRV011',
    )
    expect(
      await codeOf(
        (await other.as(other.host)).moderation.resolveReport({ reportId: report.id, action: 'DISMISS' }),
      ),
    ).toBe('TRV002')
    const adminList = await (await s.as(s.admin)).moderation.listReports({ status: 'OPEN' })
    expect(adminList.map((r) => r.id)).toContain(report.id)

    const seqBefore = (await t.rt.db.planet.findUniqueOrThrow({ where: { id: general!.id } })).lastEventSeq
    const resolved = await asHost.moderation.resolveReport({
      reportId: report.id,
      action: 'DELETE_MESSAGE',
      note: 'removed',
    })
    expect(resolved).toMatchObject({ status: 'RESOLVED', actionTaken: 'DELETE_MESSAGE' })
    const row = await t.rt.db.report.findUniqueOrThrow({ where: { id: report.id } })
    expect(row).toMatchObject({ resolvedById: s.host.id, resolution: 'removed' })
    expect(row.resolvedAt).toBeInstanceOf(Date)
    const deleted = await t.rt.db.message.findUniqueOrThrow({ where: { id: msg.id } })
    expect(deleted.deletedById).toBe(s.host.id)
    expect(deleted.deletedAt).toBeInstanceOf(Date)
    const event = await t.rt.db.planetEvent.findFirstOrThrow({
      where: { planetId: general!.id, seq: seqBefore + 1 },
    })
    expect(event.type).toBe('message.deleted')
    const history = await (await s.as(s.part)).messages.list({ planetId: general!.id })
    expect(history.items[0]).toMatchObject({ id: msg.id, content: null })
    expect(await audits('report.resolved', report.id)).toBe(1)
    expect(await codeOf(asHost.moderation.resolveReport({ reportId: report.id, action: 'DISMISS' }))).toBe(
      'MOD002',
    )
  })

  it('resolves with MUTE and TRAVEL_BAN against the reported sender; DISMISS leaves the target alone', async () => {
    const f = fx()
    const s = await f.setup()
    const [general] = s.planets
    const asPart = await s.as(s.part)
    const asHost = await s.as(s.host)
    const msg = await send(asPart, general!.id)
    const r1 = await asHost.moderation.report({ targetType: 'MESSAGE', targetId: msg.id, reason: 'spam' })
    await asHost.moderation.resolveReport({ reportId: r1.id, action: 'MUTE' })
    expect(await codeOf(send(asPart, general!.id))).toBe('PLT003')
    const r2 = await asHost.moderation.report({
      targetType: 'USER',
      targetId: s.part.id,
      travelId: s.travel.id,
      reason: 'again',
    })
    expect(
      await codeOf(asHost.moderation.report({ targetType: 'USER', targetId: s.part.id, reason: 'x' })),
    ).toBe('MOD004')
    const r3 = await asHost.moderation.report({
      targetType: 'PLANET',
      targetId: general!.id,
      reason: 'noisy',
    })
    expect(await codeOf(asHost.moderation.resolveReport({ reportId: r3.id, action: 'DELETE_MESSAGE' }))).toBe(
      'MOD003',
    )
    expect((await t.rt.db.report.findUniqueOrThrow({ where: { id: r3.id } })).status).toBe('OPEN')
    await asHost.moderation.resolveReport({ reportId: r3.id, action: 'DISMISS' })
    expect((await t.rt.db.report.findUniqueOrThrow({ where: { id: r3.id } })).status).toBe('DISMISSED')
    await asHost.moderation.resolveReport({ reportId: r2.id, action: 'TRAVEL_BAN' })
    expect((await f.memberRow(s.travel.id, s.part.id)).status).toBe('BANNED')
    expect(await audits('travel.member.banned', s.part.id)).toBe(1)
    expect(await audits('planet.member.muted', s.part.id)).toBe(1)
  })
})
