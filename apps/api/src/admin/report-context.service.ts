// A report with what it is about, for the moderation queue: the reported message with the messages
// around it in its planet, or a reported user's latest messages in the travel, or a planet's latest.
import type { Prisma } from '@connecto/db'
import { isPlatformAdmin, type TReportContextInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { messageInclude, toMessageView } from '../messages/message-view.ts'
import { requireTravelModerator } from '../moderation/staff.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'

const newestFirst = [
  { createdAt: 'desc' },
  { id: 'desc' },
] as const satisfies Prisma.MessageOrderByWithRelationInput[]

async function surroundingMessages(rt: Runtime, messageId: string, radius: number) {
  const target = await rt.db.message.findUnique({ where: { id: messageId }, include: messageInclude })
  if (!target) return { planetId: null, messages: [] }
  // Same (createdAt, id) order as history, so ties on the timestamp keep their place.
  const before = await rt.db.message.findMany({
    where: {
      planetId: target.planetId,
      OR: [{ createdAt: { lt: target.createdAt } }, { createdAt: target.createdAt, id: { lt: target.id } }],
    },
    orderBy: newestFirst,
    take: radius,
    include: messageInclude,
  })
  const after = await rt.db.message.findMany({
    where: {
      planetId: target.planetId,
      OR: [{ createdAt: { gt: target.createdAt } }, { createdAt: target.createdAt, id: { gt: target.id } }],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: radius,
    include: messageInclude,
  })
  return { planetId: target.planetId, messages: [...before.reverse(), target, ...after] }
}

async function latestMessages(rt: Runtime, where: Prisma.MessageWhereInput, take: number) {
  const rows = await rt.db.message.findMany({ where, orderBy: newestFirst, take, include: messageInclude })
  return rows.reverse()
}

export async function getReportContext(rt: Runtime, actor: Actor, input: TReportContextInput) {
  const report = await rt.db.report.findUnique({
    where: { id: input.reportId },
    include: {
      reporter: { select: { id: true, email: true, profile: { select: { nickname: true } } } },
      travel: { select: { id: true, name: true } },
      planet: { select: { id: true, name: true } },
    },
  })
  if (!report) throw new AppError('MOD001')
  if (report.travelId) await requireTravelModerator(rt.db, actor, report.travelId, rt.clock.now())
  else if (!isPlatformAdmin(actor.role)) throw new AppError('AUTH011')

  const size = input.radius * 2 + 1
  let messages: Awaited<ReturnType<typeof latestMessages>> = []
  let reportedUserId: string | null = null
  if (report.targetType === 'MESSAGE') {
    const context = await surroundingMessages(rt, report.targetId, input.radius)
    messages = context.messages
    reportedUserId = messages.find((m) => m.id === report.targetId)?.senderId ?? null
  } else if (report.targetType === 'USER') {
    reportedUserId = report.targetId
    messages = await latestMessages(
      rt,
      { senderId: report.targetId, ...(report.travelId ? { planet: { travelId: report.travelId } } : {}) },
      size,
    )
  } else {
    messages = await latestMessages(rt, { planetId: report.targetId }, size)
  }
  const reportedUser = reportedUserId
    ? await rt.db.user.findUnique({
        where: { id: reportedUserId },
        select: { id: true, email: true, profile: { select: { nickname: true } } },
      })
    : null

  return {
    report: {
      id: report.id,
      targetType: report.targetType,
      targetId: report.targetId,
      reason: report.reason,
      status: report.status,
      actionTaken: report.actionTaken,
      resolution: report.resolution,
      resolvedAt: report.resolvedAt,
      createdAt: report.createdAt,
      travel: report.travel,
      planet: report.planet,
      reporter: {
        id: report.reporter.id,
        nickname: report.reporter.profile?.nickname ?? report.reporter.email,
      },
    },
    reportedUser: reportedUser
      ? { id: reportedUser.id, nickname: reportedUser.profile?.nickname ?? reportedUser.email }
      : null,
    messages: messages.map((m) => ({
      ...toMessageView(m),
      isReported: report.targetType === 'MESSAGE' && m.id === report.targetId,
      deleted: m.deletedAt !== null,
    })),
  }
}
