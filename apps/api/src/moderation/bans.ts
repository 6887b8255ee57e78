// Travel bans: the member and all their planet rows become BANNED in one transaction with a notification
// and an audit row; after commit a user event ends their live streams of the travel on every node.
import type { DbOrTx, Tx } from '@connecto/db'
import {
  busChannel,
  type TBanFromTravelInput,
  type TUnbanFromTravelInput,
  type UserEvent,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { notifyCreated } from '../notifications/notify.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, liftExpiredBan, lockTravel } from '../travels/travel-access.ts'
import { recordAudit } from './audit.ts'
import { assertMayActOn, requireTravelModerator } from './staff.ts'

const hour = 3600_000

/** The ban itself, for callers that already hold a transaction (report resolution). */
export async function applyTravelBan(tx: Tx, actor: Actor, input: TBanFromTravelInput, now: Date) {
  await lockTravel(tx, input.travelId)
  const rank = await requireTravelModerator(tx, actor, input.travelId, now)
  const target = await tx.travelUser.findUnique({
    where: { travelId_userId: { travelId: input.travelId, userId: input.userId } },
    include: { travel: { select: { name: true } } },
  })
  if (!target) throw new AppError('TRV013')
  assertMayActOn({
    actorId: actor.id,
    rank,
    targetId: input.userId,
    targetIsHost: target.role === 'HOST',
    targetIsStaff: target.role === 'MODERATOR',
  })
  const bannedUntil = input.durationHours ? new Date(now.getTime() + input.durationHours * hour) : null
  // A ban also ends any staff role, so lifting it brings the user back as a participant.
  await tx.travelUser.update({
    where: { id: target.id },
    data: {
      status: 'BANNED',
      role: 'PARTICIPANT',
      banReason: input.reason,
      bannedUntil,
      bannedById: actor.id,
      leftAt: now,
    },
  })
  await tx.planetUser.updateMany({
    where: { userId: input.userId, status: 'ACTIVE', planet: { travelId: input.travelId } },
    data: { status: 'BANNED', role: 'MEMBER' },
  })
  const notice = await tx.notification.create({
    data: {
      userId: input.userId,
      type: 'BANNED',
      title: `You were banned from ${target.travel.name}`,
      body: bannedUntil ? `${input.reason} (until ${bannedUntil.toISOString()})` : input.reason,
      data: { travelId: input.travelId },
    },
  })
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'travel.member.banned',
    targetType: 'user',
    targetId: input.userId,
    details: {
      travelId: input.travelId,
      reason: input.reason,
      bannedUntil: bannedUntil?.toISOString() ?? null,
    },
  })
  const event: UserEvent = { type: 'access.revoked', travelId: input.travelId, reason: 'travel.banned' }
  return { userId: input.userId, event, bannedUntil, noticeId: notice.id }
}

export async function publishAccessRevoked(rt: Runtime, userId: string, event: UserEvent) {
  await rt.bus.publish(busChannel.user(userId), event)
}

export async function banFromTravel(rt: Runtime, actor: Actor, input: TBanFromTravelInput) {
  const result = await rt.db.$transaction((tx) => applyTravelBan(tx, actor, input, rt.clock.now()))
  await publishAccessRevoked(rt, result.userId, result.event)
  await notifyCreated(rt, result.noticeId)
  return {
    travelId: input.travelId,
    userId: input.userId,
    status: 'BANNED' as const,
    bannedUntil: result.bannedUntil,
  }
}

async function reactivate(db: DbOrTx, travelId: string, userId: string) {
  await db.travelUser.update({
    where: { travelId_userId: { travelId, userId } },
    data: { status: 'ACTIVE', banReason: null, bannedUntil: null, bannedById: null, leftAt: null },
  })
  await db.planetUser.updateMany({
    where: { userId, status: 'BANNED', planet: { travelId } },
    data: { status: 'ACTIVE' },
  })
}

export async function unbanFromTravel(rt: Runtime, actor: Actor, input: TUnbanFromTravelInput) {
  await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    await requireTravelModerator(tx, actor, input.travelId, rt.clock.now())
    const target = await tx.travelUser.findUnique({
      where: { travelId_userId: { travelId: input.travelId, userId: input.userId } },
    })
    if (target?.status !== 'BANNED') throw new AppError('TRV013', 'This user is not banned from this travel.')
    await reactivate(tx, input.travelId, input.userId)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.member.unbanned',
      targetType: 'user',
      targetId: input.userId,
      details: { travelId: input.travelId },
    })
  })
  return { travelId: input.travelId, userId: input.userId, status: 'ACTIVE' as const }
}

/**
 * Lifts a ban whose `bannedUntil` has passed, the first time the user touches the travel again.
 * Conditional on the row still being that expired ban, so a fresh ban in between is never undone.
 */
export async function liftExpiredTravelBan(rt: Runtime, travelId: string, userId: string) {
  return liftExpiredBan(rt.db, travelId, userId, rt.clock.now())
}
