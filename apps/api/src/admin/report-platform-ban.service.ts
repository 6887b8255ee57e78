// Resolves a report with a platform ban in one step (admins only): the reported user — the report's
// USER target or the reported message's sender — is banned and the report closed in one transaction.
import type { TResolveReportWithPlatformBanInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { recordAudit } from '../moderation/audit.ts'
import { applyPlatformBan, closeBannedUserSockets } from '../moderation/platform-bans.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'

export async function resolveReportWithPlatformBan(
  rt: Runtime,
  actor: Actor,
  input: TResolveReportWithPlatformBanInput,
) {
  const now = rt.clock.now()
  const result = await rt.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM reports WHERE id = ${input.reportId} FOR UPDATE`
    const report = await tx.report.findUnique({ where: { id: input.reportId } })
    if (!report) throw new AppError('MOD001')
    if (report.status !== 'OPEN') throw new AppError('MOD002')
    let userId: string | null = null
    if (report.targetType === 'USER') userId = report.targetId
    else if (report.targetType === 'MESSAGE') {
      const message = await tx.message.findUnique({
        where: { id: report.targetId },
        select: { senderId: true },
      })
      userId = message?.senderId ?? null
    }
    if (!userId) throw new AppError('MOD003')
    const { bannedUntil } = await applyPlatformBan(
      tx,
      actor,
      { userId, reason: input.reason ?? report.reason, durationHours: input.durationHours },
      now,
    )
    const updated = await tx.report.update({
      where: { id: report.id },
      data: {
        status: 'RESOLVED',
        resolvedById: actor.id,
        resolvedAt: now,
        actionTaken: 'PLATFORM_BAN',
        resolution: input.note ?? null,
      },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.resolved',
      targetType: 'report',
      targetId: report.id,
      details: { action: 'PLATFORM_BAN', travelId: report.travelId, userId, note: input.note ?? null },
    })
    return { userId, bannedUntil, updated }
  })
  await closeBannedUserSockets(rt, result.userId)
  return {
    id: result.updated.id,
    status: result.updated.status,
    actionTaken: result.updated.actionTaken,
    resolvedAt: result.updated.resolvedAt,
    userId: result.userId,
    bannedUntil: result.bannedUntil,
  }
}
