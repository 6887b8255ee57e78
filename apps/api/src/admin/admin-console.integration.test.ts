// The admin app's procedures against real Postgres: user management with its effects on sign-in,
// report context, bulk message removal with live events, the audit log with host scoping and CSV,
// the staff travel list, and dashboard figures from a running node.
import { seedUser } from '@connecto/db/seed'
import type { PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonCaller, codeOf, createTestRuntime, startTestServer } from '../../test/harness.ts'
import { connectClient } from '../../test/ws-client.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

const fx = () => travelFixtures(t.rt)
let seq = 0
type Caller = Awaited<ReturnType<Awaited<ReturnType<ReturnType<typeof fx>['setup']>>['as']>>
const send = (caller: Caller, planetId: string, content = 'hello') =>
  caller.messages.send({ planetId, clientMessageId: `admin-test-${++seq}`, content })

async function until(check: () => boolean, timeoutMs = 2000) {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('user management', () => {
  it('finds users by email, nickname and state, and shows travels, messages and moderation history', async () => {
    const s = await fx().setup()
    const nickname = `zebra-${Date.now()}`
    const subject = await seedUser(t.rt.db, { nickname })
    await t.rt.db.travelUser.create({ data: { travelId: s.travel.id, userId: subject.id } })
    await t.rt.db.planetUser.create({ data: { planetId: s.planets[0]!.id, userId: subject.id } })
    const asAdmin = await s.as(s.admin)
    await send(await s.as(subject), s.planets[0]!.id, 'from the zebra')
    await asAdmin.admin.banUser({ userId: subject.id, reason: 'spam', durationHours: 2 })

    const byNick = await asAdmin.admin.searchUsers({ query: nickname.toUpperCase() })
    expect(byNick.map((u) => u.id)).toEqual([subject.id])
    expect(byNick[0]).toMatchObject({ isBanned: true, banReason: 'spam', nickname })
    expect((await asAdmin.admin.searchUsers({ query: subject.email })).map((u) => u.id)).toEqual([subject.id])
    expect((await asAdmin.admin.searchUsers({ query: nickname, state: 'active' })).length).toBe(0)
    expect((await asAdmin.admin.searchUsers({ query: nickname, state: 'banned' })).length).toBe(1)

    const detail = await asAdmin.admin.getUser({ userId: subject.id })
    expect(detail.travels).toEqual([
      expect.objectContaining({ travelId: s.travel.id, role: 'PARTICIPANT', status: 'ACTIVE' }),
    ])
    expect(detail.recentMessages.map((m) => m.content)).toEqual(['from the zebra'])
    expect(detail.moderationHistory.map((a) => a.action)).toEqual(['user.banned'])
    expect(await codeOf(asAdmin.admin.getUser({ userId: 'nobody' }))).toBe('USR001')
  })

  it('changes the platform role, audited, and never the caller’s own', async () => {
    const s = await fx().setup()
    const asAdmin = await s.as(s.admin)
    const result = await asAdmin.admin.setPlatformRole({ userId: s.part.id, role: 'HOST' })
    expect(result).toEqual({ userId: s.part.id, role: 'HOST', previousRole: 'USER' })
    expect((await t.rt.db.user.findUniqueOrThrow({ where: { id: s.part.id } })).role).toBe('HOST')
    const audit = await t.rt.db.auditLog.findFirstOrThrow({
      where: { action: 'user.role.changed', targetId: s.part.id },
    })
    expect(audit).toMatchObject({ actorId: s.admin.id, details: { from: 'USER', to: 'HOST' } })
    expect(await codeOf(asAdmin.admin.setPlatformRole({ userId: s.admin.id, role: 'USER' }))).toBe('AUTH011')
    expect((await t.rt.db.user.findUniqueOrThrow({ where: { id: s.admin.id } })).role).toBe('ADMIN')
  })

  it('suspends an account (sessions revoked, calls and sign-in refused) and restores it', async () => {
    const s = await fx().setup()
    const asAdmin = await s.as(s.admin)
    const session = await anonCaller(t.rt).auth.signIn({ email: s.part.email, password: s.part.password })
    const asPart = await s.as(s.part)
    await asAdmin.admin.suspendUser({ userId: s.part.id, reason: 'stolen account' })

    expect(await codeOf(asPart.travels.listMine())).toBe('AUTH001')
    expect(await codeOf(anonCaller(t.rt).auth.refresh({ refreshToken: session.refreshToken }))).not.toBe(
      'resolved',
    )
    expect(
      await codeOf(anonCaller(t.rt).auth.signIn({ email: s.part.email, password: s.part.password })),
    ).toBe('AUTH006')
    expect(await t.rt.db.session.count({ where: { userId: s.part.id, revokedAt: null } })).toBe(0)
    expect((await asAdmin.admin.searchUsers({ query: s.part.email, state: 'suspended' })).length).toBe(1)

    await asAdmin.admin.restoreUser({ userId: s.part.id })
    expect(await asPart.travels.listMine()).toHaveLength(1)
    const actions = await t.rt.db.auditLog.findMany({
      where: { targetId: s.part.id },
      orderBy: { createdAt: 'asc' },
      select: { action: true, details: true },
    })
    expect(actions).toEqual([
      { action: 'user.suspended', details: { reason: 'stolen account' } },
      { action: 'user.restored', details: null },
    ])
  })
})

describe('report context', () => {
  it('shows the reported message between its neighbours, and only to the travel’s staff', async () => {
    const s = await fx().setup()
    const other = await fx().setup()
    const general = s.planets[0]!
    const asPart = await s.as(s.part)
    const asMod = await s.as(s.mod)
    const sent = []
    for (let i = 0; i < 7; i++) sent.push(await send(i % 2 ? asMod : asPart, general.id, `m${i}`))
    const reported = sent[3]!
    const report = await asMod.moderation.report({
      targetType: 'MESSAGE',
      targetId: reported.id,
      reason: 'rude',
    })

    const context = await (await s.as(s.host)).admin.reportContext({ reportId: report.id, radius: 2 })
    expect(context.messages.map((m) => m.content)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5'])
    expect(context.messages.filter((m) => m.isReported).map((m) => m.id)).toEqual([reported.id])
    expect(context.reportedUser?.id).toBe(s.mod.id)
    expect(context.report).toMatchObject({ reason: 'rude', travel: { id: s.travel.id } })

    expect(await codeOf((await other.as(other.host)).admin.reportContext({ reportId: report.id }))).toBe(
      'TRV002',
    )
    expect(await codeOf(asPart.admin.reportContext({ reportId: report.id }))).toBe('TRV011')
    expect(await codeOf(asPart.admin.reportContext({ reportId: 'missing' }))).toBe('MOD001')
  })
})

describe('resolveReportWithPlatformBan', () => {
  it('bans the reported sender from the platform and closes the report in one step', async () => {
    const s = await fx().setup()
    const general = s.planets[0]!
    const msg = await send(await s.as(s.part), general.id, 'buy my scam')
    const asMod = await s.as(s.mod)
    const report = await asMod.moderation.report({ targetType: 'MESSAGE', targetId: msg.id, reason: 'scam' })
    const planetReport = await asMod.moderation.report({
      targetType: 'PLANET',
      targetId: general.id,
      reason: 'x',
    })
    const asAdmin = await s.as(s.admin)

    expect(await codeOf(asAdmin.admin.resolveReportWithPlatformBan({ reportId: planetReport.id }))).toBe(
      'MOD003',
    )
    const resolved = await asAdmin.admin.resolveReportWithPlatformBan({
      reportId: report.id,
      durationHours: 48,
    })
    expect(resolved).toMatchObject({ status: 'RESOLVED', actionTaken: 'PLATFORM_BAN', userId: s.part.id })
    const banned = await t.rt.db.user.findUniqueOrThrow({ where: { id: s.part.id } })
    expect(banned).toMatchObject({ isBanned: true, banReason: 'scam' })
    expect(banned.bannedUntil!.getTime() - Date.now()).toBeGreaterThan(47 * 3600_000)
    expect(await codeOf((await s.as(s.part)).travels.listMine())).toBe('AUTH006')
    const audits = await t.rt.db.auditLog.findMany({
      where: { OR: [{ targetId: s.part.id }, { targetId: report.id }] },
      select: { action: true },
    })
    expect(audits.map((a) => a.action).sort()).toEqual(['report.resolved', 'user.banned'])
    expect(await codeOf(asAdmin.admin.resolveReportWithPlatformBan({ reportId: report.id }))).toBe('MOD002')
  })
})

describe('deleteUserMessages', () => {
  it('deletes one user’s messages in one planet, live, audited, and leaves the rest', async () => {
    const s = await fx().setup()
    const [general, announcements] = s.planets
    const asPart = await s.as(s.part)
    const asHost = await s.as(s.host)
    for (let i = 0; i < 3; i++) await send(asPart, general!.id, `spam ${i}`)
    const keep = await send(asHost, general!.id, 'host message')
    const elsewhere = await send(asHost, announcements!.id, 'news')

    const server = await startTestServer(t.rt)
    const session = await anonCaller(t.rt).auth.signIn({ email: s.mod.email, password: s.mod.password })
    const client = connectClient(server.url, session.accessToken)
    const events: PlanetEvent[] = []
    const sub = client.trpc.messages.onPlanetEvent.subscribe(
      { planetId: general!.id },
      { onData: (e) => events.push((e as { data: PlanetEvent }).data) },
    )
    await new Promise((r) => setTimeout(r, 300))

    expect(await asHost.admin.deleteUserMessages({ planetId: general!.id, userId: s.part.id })).toEqual({
      deleted: 3,
      remaining: 0,
    })
    await until(() => events.filter((e) => e.type === 'message.deleted').length === 3)
    sub.unsubscribe()
    await client.close()
    await server.close()

    const rows = await t.rt.db.message.findMany({ where: { planetId: general!.id } })
    expect(rows.filter((m) => m.senderId === s.part.id).every((m) => m.deletedById === s.host.id)).toBe(true)
    expect(rows.find((m) => m.id === keep.id)?.deletedAt).toBeNull()
    expect((await t.rt.db.message.findUniqueOrThrow({ where: { id: elsewhere.id } })).deletedAt).toBeNull()
    const audit = await t.rt.db.auditLog.findFirstOrThrow({
      where: { action: 'planet.messages.bulk_deleted' },
    })
    expect(audit).toMatchObject({ targetId: s.part.id, details: { planetId: general!.id, count: 3 } })

    // A moderator cannot wipe the host; an outsider cannot touch the travel; nothing changed.
    expect(
      await codeOf(
        (await s.as(s.mod)).admin.deleteUserMessages({ planetId: general!.id, userId: s.host.id }),
      ),
    ).toBe('TRV012')
    expect(
      await codeOf(
        (await s.as(s.outsider)).admin.deleteUserMessages({ planetId: general!.id, userId: s.part.id }),
      ),
    ).toBe('TRV002')
    expect(await t.rt.db.message.count({ where: { planetId: general!.id, deletedAt: null } })).toBe(1)
  })
})

describe('audit log', () => {
  it('filters by actor, action, target and date, scopes hosts to their travels, pages and exports CSV', async () => {
    const s = await fx().setup()
    const other = await fx().setup()
    const asHost = await s.as(s.host)
    await asHost.moderation.banFromTravel({ travelId: s.travel.id, userId: s.part.id, reason: 'spam, again' })
    await asHost.moderation.unbanFromTravel({ travelId: s.travel.id, userId: s.part.id })
    await (await other.as(other.host)).moderation.banFromTravel({
      travelId: other.travel.id,
      userId: other.part.id,
      reason: '=cmd()',
    })

    const mine = await asHost.admin.auditLog({})
    expect(mine.items.map((e) => e.action)).toEqual(['travel.member.unbanned', 'travel.member.banned'])
    expect(mine.items[1]).toMatchObject({ actorId: s.host.id, actorEmail: s.host.email, targetId: s.part.id })

    const asAdmin = await s.as(s.admin)
    const all = await asAdmin.admin.auditLog({ action: 'travel.member.' })
    expect(all.items.map((e) => e.targetId)).toEqual(expect.arrayContaining([s.part.id, other.part.id]))
    const exact = await asAdmin.admin.auditLog({ action: 'travel.member.banned', actorId: other.host.id })
    expect(exact.items.map((e) => e.targetId)).toEqual([other.part.id])
    expect((await asAdmin.admin.auditLog({ targetId: s.part.id })).items).toHaveLength(2)
    const future = new Date(Date.now() + 3600_000)
    expect((await asAdmin.admin.auditLog({ from: future })).items).toEqual([])
    expect((await asAdmin.admin.auditLog({ to: new Date(0) })).items).toEqual([])

    const first = await asAdmin.admin.auditLog({ targetId: s.part.id, limit: 1 })
    expect(first.nextCursor).not.toBeNull()
    const second = await asAdmin.admin.auditLog({ targetId: s.part.id, limit: 1, cursor: first.nextCursor! })
    expect([...first.items, ...second.items].map((e) => e.action)).toEqual(mine.items.map((e) => e.action))
    expect(second.nextCursor).toBeNull()

    const hostCsv = await asHost.admin.exportAuditLog({})
    const lines = hostCsv.csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('time,actor_id,actor_email,action,target_type,target_id,details')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toContain('travel.member.banned')
    expect(lines[2]).toContain('""reason"":""spam, again""')
    expect(hostCsv.filename).toMatch(/^connecto-audit-\d{4}-\d{2}-\d{2}\.csv$/)
    const adminCsv = await asAdmin.admin.exportAuditLog({ actorId: other.host.id })
    expect(adminCsv.rows).toBe(1)

    expect(await codeOf((await s.as(s.part)).admin.auditLog({}))).toBe('AUTH011')
  })
})

describe('listTravels', () => {
  it('lists a host’s own travels, every travel for admins, searchable by name and invite code', async () => {
    const s = await fx().setup()
    const other = await fx().setup()
    await send(await s.as(s.part), s.planets[0]!.id)
    const mine = await (await s.as(s.host)).admin.listTravels({})
    expect(mine.map((tr) => tr.id)).toEqual([s.travel.id])
    expect(mine[0]).toMatchObject({ activeMembers: 3, openReports: 0 })
    expect((await (await s.as(s.mod)).admin.listTravels({})).map((tr) => tr.id)).toEqual([s.travel.id])

    const asAdmin = await s.as(s.admin)
    const byCode = await asAdmin.admin.listTravels({ query: other.travel.inviteCode.toLowerCase() })
    expect(byCode.map((tr) => tr.id)).toEqual([other.travel.id])
    const byId = await asAdmin.admin.listTravels({ query: s.travel.id })
    expect(byId.map((tr) => tr.id)).toEqual([s.travel.id])
    expect(await codeOf((await s.as(s.part)).admin.listTravels({}))).toBe('AUTH011')
  })
})

describe('dashboardStats', () => {
  it('counts live sockets, online users, recent messages and HTTP requests', async () => {
    const s = await fx().setup()
    const asAdmin = await s.as(s.admin)
    const before = await asAdmin.admin.dashboardStats()
    expect(before.messagesPerMinute).toHaveLength(30)
    expect(before.activeUsersByHour).toHaveLength(24)

    await send(await s.as(s.part), s.planets[0]!.id)
    await send(await s.as(s.host), s.planets[0]!.id)
    const server = await startTestServer(t.rt)
    const session = await anonCaller(t.rt).auth.signIn({ email: s.part.email, password: s.part.password })
    const client = connectClient(server.url, session.accessToken)
    const sub = client.trpc.messages.onPlanetEvent.subscribe(
      { planetId: s.planets[0]!.id },
      { onData: () => {} },
    )
    await until(() => t.rt.live.size > 0)
    await fetch(`${server.url}/health`)

    const after = await asAdmin.admin.dashboardStats()
    expect(after.liveConnections).toBe(before.liveConnections + 1)
    expect(after.onlineUsers).toBe(before.onlineUsers + 1)
    // Over the whole window, not the last minute's bucket: a minute may turn between the two reads.
    const sent = (stats: typeof before) => stats.messagesPerMinute.reduce((sum, m) => sum + m.count, 0)
    expect(sent(after) - sent(before)).toBe(2)
    expect(after.activeUsers24h).toBeGreaterThanOrEqual(2)
    // This hour's bucket, or the last one's if the hour turned since the sends.
    expect(Math.max(...after.activeUsersByHour.slice(-2).map((h) => h.count))).toBeGreaterThanOrEqual(2)
    expect(after.http.requests).toBeGreaterThan(before.http.requests)
    expect(after.queues.queues.map((q) => q.name)).toEqual(['critical', 'normal', 'bulk'])
    sub.unsubscribe()
    await client.close()
    await server.close()
  })
})
