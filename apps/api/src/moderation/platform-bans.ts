// Platform bans: the account is barred (every protected call and sign-in checks it), its sessions are
// revoked, and its open sockets are closed here at once and on every other node through the bus.
import type { Tx } from '@connecto/db'
import { busChannel, type TBanUserInput, type TUnbanUserInput } from '@connecto/shared'
import type { Bus } from '../bus/bus.ts'
import { AppError } from '../errors/app-error.ts'
import type { LiveConnections } from '../realtime/live-connections.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { recordAudit } from './audit.ts'

type PlatformBanEvent = { userId: string }

/** Each node calls this once at start-up; returns the unsubscribe. */
export function listenForPlatformBans(bus: Bus, live: LiveConnections) {
  return bus.subscribe(busChannel.platformBans, (message) => {
    live.closeUser((message as PlatformBanEvent).userId, 'account banned')
  })
}

/** The ban itself, for callers that already hold a transaction (report resolution in the admin app). */
export async function applyPlatformBan(tx: Tx, actor: Actor, input: TBanUserInput, now: Date) {
  if (input.userId === actor.id) throw new AppError('AUTH011', 'You cannot ban yourself.')
  const bannedUntil = input.durationHours ? new Date(now.getTime() + input.durationHours * 3600_000) : null
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } })
  if (!user) throw new AppError('USR001')
  await tx.user.update({
    where: { id: input.userId },
    data: { isBanned: true, banReason: input.reason, bannedUntil },
  })
  await tx.session.updateMany({
    where: { userId: input.userId, revokedAt: null },
    data: { revokedAt: now },
  })
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'user.banned',
    targetType: 'user',
    targetId: input.userId,
    details: { reason: input.reason, bannedUntil: bannedUntil?.toISOString() ?? null },
  })
  return { bannedUntil }
}

/** After commit: closes the banned user's sockets here and on every other node. */
export async function closeBannedUserSockets(rt: Runtime, userId: string) {
  rt.live.closeUser(userId, 'account banned')
  await rt.bus.publish(busChannel.platformBans, { userId } satisfies PlatformBanEvent)
}

export async function banUser(rt: Runtime, actor: Actor, input: TBanUserInput) {
  const { bannedUntil } = await rt.db.$transaction((tx) => applyPlatformBan(tx, actor, input, rt.clock.now()))
  await closeBannedUserSockets(rt, input.userId)
  return { userId: input.userId, isBanned: true, bannedUntil }
}

export async function unbanUser(rt: Runtime, actor: Actor, input: TUnbanUserInput) {
  await rt.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { isBanned: true } })
    if (!user) throw new AppError('USR001')
    await tx.user.update({
      where: { id: input.userId },
      data: { isBanned: false, banReason: null, bannedUntil: null },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.unbanned',
      targetType: 'user',
      targetId: input.userId,
    })
  })
  return { userId: input.userId, isBanned: false }
}
