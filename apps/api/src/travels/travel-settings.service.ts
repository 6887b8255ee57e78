// Host settings of a travel: edit details and dates (status follows the dates), rotate the invite code.
// Both are moderation actions and leave an audit row in the same transaction.
import type { TRegenerateInviteCodeInput, TUpdateTravelInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { recordAudit } from '../moderation/audit.ts'
import type { Runtime } from '../runtime.ts'
import { generateInviteCode } from './invite-code.ts'
import { type Actor, lockTravel, requireTravelManager } from './travel-access.ts'
import { statusForDates } from './travel-status.ts'

export async function updateTravel(rt: Runtime, actor: Actor, input: TUpdateTravelInput) {
  const { travelId, ...changes } = input
  return rt.db.$transaction(async (tx) => {
    await lockTravel(tx, travelId)
    const { travel } = await requireTravelManager(tx, actor, travelId, rt.clock.now())
    const startDate = changes.startDate ?? travel.startDate
    const endDate = changes.endDate ?? travel.endDate
    if (endDate < startDate) {
      throw new AppError('SYS001', 'The end date must be on or after the start date.', 'endDate')
    }
    const updated = await tx.travel.update({
      where: { id: travelId },
      data: { ...changes, status: statusForDates(startDate, endDate, rt.clock.now()) },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.updated',
      targetType: 'travel',
      targetId: travelId,
      details: {
        fields: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined),
        status: { from: travel.status, to: updated.status },
      },
    })
    return updated
  })
}

/** A new code at once; the old one stops working. The codes themselves stay out of the audit log. */
export async function regenerateInviteCode(rt: Runtime, actor: Actor, input: TRegenerateInviteCodeInput) {
  return rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    await requireTravelManager(tx, actor, input.travelId, rt.clock.now())
    const { inviteCode } = await tx.travel.update({
      where: { id: input.travelId },
      data: { inviteCode: generateInviteCode() },
      select: { inviteCode: true },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.invite_code.regenerated',
      targetType: 'travel',
      targetId: input.travelId,
    })
    return { inviteCode }
  })
}
