// Reports: any member who can see a message, planet or user in a travel may report it; the travel's
// host and moderators (and platform admins) list and resolve them, each resolution audited.
import type { Tx } from '@connecto/db'
import {
  isPlatformAdmin,
  type PlanetEvent,
  type TListReportsInput,
  type TReportInput,
  type TResolveReportInput,
  type UserEvent,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { appendPlanetEvent, publishPlanetEvents } from '../events/planet-events.ts'
import { messageInclude, toMessageView } from '../messages/message-view.ts'
import { notifyCreated } from '../notifications/notify.ts'
import { requirePlanetReader } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, requireTravelReader } from '../travels/travel-access.ts'
import { recordAudit } from './audit.ts'
import { applyTravelBan, publishAccessRevoked } from './bans.ts'
import { applyMute } from './mutes.ts'
import { requireTravelModerator } from './staff.ts'

/** Where the target lives, checked against what the reporter may read. */
async function locateTarget(rt: Runtime, actor: Actor, input: TReportInput) {
  if (input.targetType === 'MESSAGE') {
    const message = await rt.db.message.findUnique({
      where: { id: input.targetId },
      select: { planetId: true },
    })
    if (!message) throw new AppError('MSG001')
    const { planet } = await requirePlanetReader(rt, actor.id, message.planetId)
    return { travelId: planet.travelId, planetId: planet.id }
  }
  if (input.targetType === 'PLANET') {
    const { planet } = await requirePlanetReader(rt, actor.id, input.targetId)
    return { travelId: planet.travelId, planetId: planet.id }
  }
  if (!input.travelId) throw new AppError('MOD004', undefined, 'travelId')
  await requireTravelReader(rt.db, actor, input.travelId, rt.clock.now())
  const member = await rt.db.travelUser.findUnique({
    where: { travelId_userId: { travelId: input.travelId, userId: input.targetId } },
  })
  if (!member) throw new AppError('TRV013')
  return { travelId: input.travelId, planetId: null }
}

export async function createReport(rt: Runtime, actor: Actor, input: TReportInput) {
  const where = await locateTarget(rt, actor, input)
  const report = await rt.db.report.create({
    data: {
      reporterId: actor.id,
      targetType: input.targetType,
      targetId: input.targetId,
      reason: input.reason,
      ...where,
    },
  })
  return { id: report.id, status: report.status, createdAt: report.createdAt }
}

export async function listReports(rt: Runtime, actor: Actor, input: TListReportsInput) {
  let travelFilter: { travelId?: string | { in: string[] } } = {}
  if (input.travelId) {
    await requireTravelModerator(rt.db, actor, input.travelId, rt.clock.now())
    travelFilter = { travelId: input.travelId }
  } else if (!isPlatformAdmin(actor.role)) {
    const staffed = await rt.db.travelUser.findMany({
      where: { userId: actor.id, status: 'ACTIVE', role: { in: ['HOST', 'MODERATOR'] } },
      select: { travelId: true },
    })
    travelFilter = { travelId: { in: staffed.map((m) => m.travelId) } }
  }
  const rows = await rt.db.report.findMany({
    where: { ...travelFilter, ...(input.status ? { status: input.status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  })
  return rows.map((r) => ({
    id: r.id,
    reporterId: r.reporterId,
    targetType: r.targetType,
    targetId: r.targetId,
    travelId: r.travelId,
    planetId: r.planetId,
    reason: r.reason,
    status: r.status,
    actionTaken: r.actionTaken,
    resolution: r.resolution,
    resolvedById: r.resolvedById,
    resolvedAt: r.resolvedAt,
    createdAt: r.createdAt,
  }))
}

type Report = NonNullable<Awaited<ReturnType<Tx['report']['findUnique']>>>

/** The message a MESSAGE report is about, or MOD003 when the action needs one and the report has none. */
async function reportedMessage(tx: Tx, report: Report) {
  if (report.targetType !== 'MESSAGE') throw new AppError('MOD003')
  const message = await tx.message.findUnique({ where: { id: report.targetId } })
  if (!message) throw new AppError('MSG001')
  return message
}

/** The user a report is about, and the planet a mute would apply to. */
async function reportedUser(tx: Tx, report: Report) {
  if (report.targetType === 'USER') return { userId: report.targetId, planetId: report.planetId }
  const message = await reportedMessage(tx, report)
  if (!message.senderId) throw new AppError('MOD003')
  return { userId: message.senderId, planetId: message.planetId }
}

export async function resolveReport(rt: Runtime, actor: Actor, input: TResolveReportInput) {
  const now = rt.clock.now()
  const planetEvents: PlanetEvent[] = []
  const userEvents: { userId: string; event: UserEvent }[] = []
  const noticeIds: string[] = []
  const resolved = await rt.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM reports WHERE id = ${input.reportId} FOR UPDATE`
    const report = await tx.report.findUnique({ where: { id: input.reportId } })
    if (!report) throw new AppError('MOD001')
    if (report.travelId) await requireTravelModerator(tx, actor, report.travelId, rt.clock.now())
    else if (!isPlatformAdmin(actor.role)) throw new AppError('AUTH011')
    if (report.status !== 'OPEN') throw new AppError('MOD002')

    if (input.action === 'DELETE_MESSAGE') {
      const message = await reportedMessage(tx, report)
      if (!message.deletedAt) {
        const deleted = await tx.message.update({
          where: { id: message.id },
          data: { deletedAt: now, deletedById: actor.id },
          include: messageInclude,
        })
        planetEvents.push(
          await appendPlanetEvent(tx, {
            type: 'message.deleted',
            planetId: deleted.planetId,
            message: toMessageView(deleted),
          }),
        )
      }
    } else if (input.action === 'MUTE') {
      const { userId, planetId } = await reportedUser(tx, report)
      if (!planetId) throw new AppError('MOD003')
      const until = new Date(now.getTime() + 86_400_000)
      const { noticeId } = await applyMute(tx, actor, { planetId, userId, until, reason: report.reason })
      noticeIds.push(noticeId)
    } else if (input.action === 'TRAVEL_BAN') {
      const { userId } = await reportedUser(tx, report)
      if (!report.travelId) throw new AppError('MOD003')
      const ban = await applyTravelBan(
        tx,
        actor,
        { travelId: report.travelId, userId, reason: report.reason },
        now,
      )
      userEvents.push({ userId, event: ban.event })
      noticeIds.push(ban.noticeId)
    }

    const status = input.action === 'DISMISS' ? ('DISMISSED' as const) : ('RESOLVED' as const)
    const updated = await tx.report.update({
      where: { id: report.id },
      data: {
        status,
        resolvedById: actor.id,
        resolvedAt: now,
        actionTaken: input.action,
        resolution: input.note ?? null,
      },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.resolved',
      targetType: 'report',
      targetId: report.id,
      details: { action: input.action, travelId: report.travelId, note: input.note ?? null },
    })
    return updated
  })
  await publishPlanetEvents(rt, planetEvents)
  for (const { userId, event } of userEvents) await publishAccessRevoked(rt, userId, event)
  for (const id of noticeIds) await notifyCreated(rt, id)
  return {
    id: resolved.id,
    status: resolved.status,
    actionTaken: resolved.actionTaken,
    resolvedAt: resolved.resolvedAt,
  }
}
