// The authorization matrix: every travels / planets / moderation / admin procedure (and messages.send /
// list) called by every kind of actor. Every mutation case gets a fresh world, so nothing it changes
// reaches another case; queries change nothing and share one world.
// Expected outcomes come from the services' access rules; a procedure added to those namespaces without
// rows here fails the completeness check.
import type { ErrorCode } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { appRouter } from '../router.ts'
import { ACTORS, type ActorKey, type Caller, seedAuthzWorld, type World } from './authz-world.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(async () => {
  const allowed = cases.filter((c) => c.expected === 'allowed').length
  console.log(
    `authorization matrix: ${cases.length} cases (${allowed} allowed, ${cases.length - allowed} refused)`,
  )
  await t?.close()
})

type Outcome = 'allowed' | ErrorCode
/** Outcomes of the actors who get past sign-in; signed-out and platform-banned are the same everywhere. */
type InWorld = Record<Exclude<ActorKey, 'signedOut' | 'platformBanned'>, Outcome>

type Row = {
  path: string
  /** Tells apart rows of one procedure called with different inputs. */
  variant?: string
  /** Extra state the call needs (a report, a message), made before the call. */
  prepare?: (w: World) => Promise<Record<string, string>>
  call: (c: Caller, w: World, extra: Record<string, string>) => Promise<unknown>
  expect: InWorld
}

// Outcome patterns, one per access rule in the services.
const A = 'allowed' as const
const everyone: InWorld = {
  admin: A,
  host: A,
  travelModerator: A,
  planetModerator: A,
  participant: A,
  nonMember: A,
  travelBanned: A,
  planetMuted: A,
}
/** Active members and platform admins (requireTravelReader); a travel ban in force says so. */
const travelReader: InWorld = { ...everyone, nonMember: 'TRV002', travelBanned: 'TRV008' }
/** Active members only, admins included in the refusal (loadTravelAccess + membership). */
const travelMemberOnly: InWorld = { ...travelReader, admin: 'TRV002' }
/** The host or a platform admin (requireTravelManager). */
const travelManager: InWorld = {
  ...travelReader,
  travelModerator: 'TRV009',
  planetModerator: 'TRV009',
  participant: 'TRV009',
  planetMuted: 'TRV009',
}
/** The host only (requireTravelHost). */
const hostOnly: InWorld = { ...travelManager, admin: 'TRV002' }
/** Host, travel moderators and admins (requireTravelModerator). */
const travelStaffOrAdmin: InWorld = {
  ...travelReader,
  planetModerator: 'TRV011',
  participant: 'TRV011',
  planetMuted: 'TRV011',
}
/** Admin, travel staff, or a moderator of this planet (mute / unmute, planets.update). */
const planetStaff: InWorld = { ...travelStaffOrAdmin, planetModerator: A }
/** Members of the planet (requirePlanetReader): travel bans say so; admins are not members. */
const planetReader: InWorld = { ...everyone, admin: 'PLT002', nonMember: 'PLT002', travelBanned: 'TRV008' }
/** Read-only history and member lists: planet members, plus platform admins (requirePlanetModerationReader). */
const planetModerationReader: InWorld = { ...planetReader, admin: A }
/** Platform admins only (adminProcedure). */
const platformAdminOnly: InWorld = {
  admin: A,
  host: 'AUTH011',
  travelModerator: 'AUTH011',
  planetModerator: 'AUTH011',
  participant: 'AUTH011',
  nonMember: 'AUTH011',
  travelBanned: 'AUTH011',
  planetMuted: 'AUTH011',
}

/** Admins, and hosts or moderators of some travel (the admin app's staff scope). */
const staffAnywhere: InWorld = {
  ...platformAdminOnly,
  host: A,
  travelModerator: A,
}

let seq = 0
const clientId = () => `authz-${Date.now()}-${++seq}`
const soon = () => new Date(Date.now() + 3 * 24 * 3600 * 1000)
const later = () => new Date(Date.now() + 9 * 24 * 3600 * 1000)

const ROWS: Row[] = [
  // travels
  {
    path: 'travels.create',
    call: (c) => c.travels.create({ name: 'Matrix trip', startDate: soon(), endDate: later() }),
    expect: everyone,
  },
  {
    path: 'travels.join',
    call: (c, w) => c.travels.join({ inviteCode: w.travel.inviteCode }),
    expect: {
      ...everyone,
      host: 'TRV003',
      travelModerator: 'TRV003',
      planetModerator: 'TRV003',
      participant: 'TRV003',
      planetMuted: 'TRV003',
      travelBanned: 'TRV008',
    },
  },
  { path: 'travels.listMine', call: (c) => c.travels.listMine(), expect: everyone },
  { path: 'travels.get', call: (c, w) => c.travels.get({ travelId: w.travel.id }), expect: travelReader },
  { path: 'travels.discover', call: (c) => c.travels.discover({}), expect: everyone },
  {
    path: 'travels.update',
    call: (c, w) => c.travels.update({ travelId: w.travel.id, name: 'Renamed trip' }),
    expect: travelManager,
  },
  {
    path: 'travels.regenerateInviteCode',
    call: (c, w) => c.travels.regenerateInviteCode({ travelId: w.travel.id }),
    expect: travelManager,
  },
  {
    path: 'travels.members',
    call: (c, w) => c.travels.members({ travelId: w.travel.id }),
    expect: travelReader,
  },
  {
    path: 'travels.members',
    variant: 'includeInactive',
    call: (c, w) => c.travels.members({ travelId: w.travel.id, includeInactive: true }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'travels.leave',
    call: (c, w) => c.travels.leave({ travelId: w.travel.id }),
    expect: { ...travelMemberOnly, host: 'TRV010' },
  },
  {
    path: 'travels.removeMember',
    call: (c, w) => c.travels.removeMember({ travelId: w.travel.id, userId: w.target.id }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'travels.transferHost',
    call: (c, w) => c.travels.transferHost({ travelId: w.travel.id, userId: w.target.id }),
    expect: hostOnly,
  },
  {
    path: 'travels.setRole',
    call: (c, w) => c.travels.setRole({ travelId: w.travel.id, userId: w.target.id, role: 'MODERATOR' }),
    expect: hostOnly,
  },
  {
    path: 'travels.freeze',
    call: (c, w) => c.travels.freeze({ travelId: w.travel.id }),
    expect: platformAdminOnly,
  },
  {
    path: 'travels.unfreeze',
    prepare: async (w) => {
      await t.rt.db.travel.update({ where: { id: w.travel.id }, data: { isFrozen: true } })
      return {}
    },
    call: (c, w) => c.travels.unfreeze({ travelId: w.travel.id }),
    expect: platformAdminOnly,
  },
  {
    path: 'travels.delete',
    call: (c, w) => c.travels.delete({ travelId: w.travel.id }),
    expect: travelManager,
  },
  {
    path: 'travels.restore',
    prepare: async (w) => {
      await t.rt.db.travel.update({ where: { id: w.travel.id }, data: { deletedAt: new Date() } })
      return {}
    },
    call: (c, w) => c.travels.restore({ travelId: w.travel.id }),
    expect: platformAdminOnly,
  },

  // planets
  {
    path: 'planets.list',
    call: (c, w) => c.planets.list({ travelId: w.travel.id }),
    expect: travelReader,
  },
  {
    path: 'planets.create',
    call: (c, w) => c.planets.create({ travelId: w.travel.id, name: 'Side trip' }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'planets.update',
    call: (c, w) => c.planets.update({ planetId: w.general.id, name: 'Renamed planet' }),
    expect: planetStaff,
  },
  {
    path: 'planets.archive',
    call: (c, w) => c.planets.archive({ planetId: w.general.id }),
    expect: travelManager,
  },
  {
    path: 'planets.delete',
    call: (c, w) => c.planets.delete({ planetId: w.general.id }),
    expect: travelManager,
  },
  {
    path: 'planets.openDirect',
    call: (c, w) => c.planets.openDirect({ travelId: w.travel.id, userId: w.target.id }),
    expect: travelMemberOnly,
  },
  {
    path: 'planets.members',
    call: (c, w) => c.planets.members({ planetId: w.general.id }),
    expect: planetModerationReader,
  },
  {
    path: 'planets.addMember',
    call: (c, w) => c.planets.addMember({ planetId: w.general.id, userId: w.target.id }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'planets.removeMember',
    call: (c, w) => c.planets.removeMember({ planetId: w.general.id, userId: w.target.id }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'planets.setRole',
    call: (c, w) => c.planets.setRole({ planetId: w.general.id, userId: w.target.id, role: 'MODERATOR' }),
    expect: travelStaffOrAdmin,
  },

  // messages
  {
    path: 'messages.send',
    variant: 'General',
    call: (c, w) => c.messages.send({ planetId: w.general.id, clientMessageId: clientId(), content: 'hi' }),
    expect: { ...planetReader, planetMuted: 'PLT003' },
  },
  {
    path: 'messages.send',
    variant: 'Announcements',
    call: (c, w) =>
      c.messages.send({ planetId: w.announcements.id, clientMessageId: clientId(), content: 'news' }),
    // The General-only planet moderator and mute do not carry over to Announcements.
    expect: { ...planetReader, planetModerator: 'PLT005', participant: 'PLT005', planetMuted: 'PLT005' },
  },
  {
    path: 'messages.list',
    call: (c, w) => c.messages.list({ planetId: w.general.id }),
    expect: planetModerationReader,
  },

  // moderation
  {
    path: 'moderation.banFromTravel',
    call: (c, w) =>
      c.moderation.banFromTravel({ travelId: w.travel.id, userId: w.target.id, reason: 'spam' }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'moderation.unbanFromTravel',
    call: (c, w) => c.moderation.unbanFromTravel({ travelId: w.travel.id, userId: w.bannedTarget.id }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'moderation.mute',
    call: (c, w) => c.moderation.mute({ planetId: w.general.id, userId: w.target.id, duration: '1h' }),
    expect: planetStaff,
  },
  {
    path: 'moderation.unmute',
    prepare: async (w) => {
      await t.rt.db.planetUser.update({
        where: { planetId_userId: { planetId: w.general.id, userId: w.target.id } },
        data: { mutedUntil: later() },
      })
      return {}
    },
    call: (c, w) => c.moderation.unmute({ planetId: w.general.id, userId: w.target.id }),
    expect: planetStaff,
  },
  {
    path: 'moderation.report',
    variant: 'USER',
    call: (c, w) =>
      c.moderation.report({
        targetType: 'USER',
        targetId: w.target.id,
        travelId: w.travel.id,
        reason: 'rude',
      }),
    expect: travelReader,
  },
  {
    path: 'moderation.report',
    variant: 'MESSAGE',
    prepare: async (w) => {
      const message = await t.rt.db.message.create({
        data: { planetId: w.general.id, senderId: w.target.id, type: 'TEXT', content: 'rude words' },
      })
      return { messageId: message.id }
    },
    call: (c, _w, x) =>
      c.moderation.report({ targetType: 'MESSAGE', targetId: x.messageId!, reason: 'rude' }),
    expect: planetReader,
  },
  {
    path: 'moderation.listReports',
    variant: 'one travel',
    call: (c, w) => c.moderation.listReports({ travelId: w.travel.id }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'moderation.listReports',
    variant: 'own staffed travels',
    // Everyone may ask; non-staff get an empty list (the filter is the caller's staffed travels).
    call: (c) => c.moderation.listReports({}),
    expect: everyone,
  },
  {
    path: 'moderation.resolveReport',
    prepare: async (w) => {
      const report = await t.rt.db.report.create({
        data: {
          reporterId: w.users.participant.id,
          targetType: 'USER',
          targetId: w.target.id,
          travelId: w.travel.id,
          reason: 'rude',
        },
      })
      return { reportId: report.id }
    },
    call: (c, _w, x) => c.moderation.resolveReport({ reportId: x.reportId!, action: 'DISMISS' }),
    expect: travelStaffOrAdmin,
  },

  // admin
  {
    path: 'admin.banUser',
    call: (c, w) => c.admin.banUser({ userId: w.target.id, reason: 'abuse' }),
    expect: platformAdminOnly,
  },
  {
    path: 'admin.unbanUser',
    call: (c, w) => c.admin.unbanUser({ userId: w.users.platformBanned.id }),
    expect: platformAdminOnly,
  },

  // admin app (apps/api/src/admin)
  { path: 'admin.dashboardStats', call: (c) => c.admin.dashboardStats(), expect: platformAdminOnly },
  { path: 'admin.searchUsers', call: (c) => c.admin.searchUsers({ query: 'a' }), expect: platformAdminOnly },
  {
    path: 'admin.getUser',
    call: (c, w) => c.admin.getUser({ userId: w.target.id }),
    expect: platformAdminOnly,
  },
  {
    path: 'admin.setPlatformRole',
    call: (c, w) => c.admin.setPlatformRole({ userId: w.target.id, role: 'HOST' }),
    expect: platformAdminOnly,
  },
  {
    path: 'admin.suspendUser',
    call: (c, w) => c.admin.suspendUser({ userId: w.target.id, reason: 'fraud' }),
    expect: platformAdminOnly,
  },
  {
    path: 'admin.restoreUser',
    prepare: async (w) => {
      await t.rt.db.user.update({ where: { id: w.target.id }, data: { suspendedAt: new Date() } })
      return {}
    },
    call: (c, w) => c.admin.restoreUser({ userId: w.target.id }),
    expect: platformAdminOnly,
  },
  { path: 'admin.listTravels', call: (c) => c.admin.listTravels({}), expect: staffAnywhere },
  {
    path: 'admin.reportContext',
    prepare: async (w) => {
      const report = await t.rt.db.report.create({
        data: {
          reporterId: w.users.participant.id,
          targetType: 'USER',
          targetId: w.target.id,
          travelId: w.travel.id,
          reason: 'rude',
        },
      })
      return { reportId: report.id }
    },
    call: (c, _w, x) => c.admin.reportContext({ reportId: x.reportId! }),
    expect: travelStaffOrAdmin,
  },
  {
    path: 'admin.resolveReportWithPlatformBan',
    prepare: async (w) => {
      const report = await t.rt.db.report.create({
        data: {
          reporterId: w.users.participant.id,
          targetType: 'USER',
          targetId: w.target.id,
          travelId: w.travel.id,
          reason: 'fraud',
        },
      })
      return { reportId: report.id }
    },
    call: (c, _w, x) => c.admin.resolveReportWithPlatformBan({ reportId: x.reportId! }),
    expect: platformAdminOnly,
  },
  {
    path: 'admin.deleteUserMessages',
    call: (c, w) => c.admin.deleteUserMessages({ planetId: w.general.id, userId: w.target.id }),
    expect: travelStaffOrAdmin,
  },
  { path: 'admin.auditLog', call: (c) => c.admin.auditLog({}), expect: staffAnywhere },
  { path: 'admin.exportAuditLog', call: (c) => c.admin.exportAuditLog({}), expect: staffAnywhere },
]

type Case = { row: Row; actor: ActorKey; expected: Outcome }
const cases: Case[] = ROWS.flatMap((row) =>
  ACTORS.map((actor) => ({
    row,
    actor,
    expected:
      actor === 'signedOut'
        ? ('AUTH003' as const)
        : actor === 'platformBanned'
          ? ('AUTH006' as const)
          : row.expect[actor],
  })),
)

const label = (row: Row) => (row.variant ? `${row.path} (${row.variant})` : row.path)

describe('authorization matrix', () => {
  it('covers every travels / planets / moderation / admin procedure and messages.send / list', () => {
    const covered = new Set(ROWS.map((r) => r.path))
    const inScope = Object.keys(appRouter._def.procedures).filter(
      (p) =>
        /^(travels|planets|moderation|admin)\./.test(p) || p === 'messages.send' || p === 'messages.list',
    )
    const missing = inScope.filter((p) => !covered.has(p)).sort()
    expect(missing, `procedures without rows in the authorization matrix: ${missing.join(', ')}`).toEqual([])
    const unknown = [...covered].filter((p) => !inScope.includes(p))
    expect(unknown, 'matrix rows for procedures the router does not have').toEqual([])
  })

  describe.concurrent.each(ROWS.map((row) => [label(row), row] as const))('%s', (_name, row) => {
    it.each(ACTORS.map((actor) => [actor, cases.find((c) => c.row === row && c.actor === actor)!] as const))(
      '%s',
      async (_actor, c) => {
        const world = await seedAuthzWorld(t.rt)
        const extra = row.prepare ? await row.prepare(world) : {}
        const caller = await world.callerAs(c.actor)
        const got = await codeOf(row.call(caller, world, extra))
        expect(got).toBe(c.expected === 'allowed' ? 'resolved' : c.expected)
      },
    )
  })
})
