// Platform bans: the account is barred (every protected call and sign-in checks it), its sessions are
// revoked, and its open sockets are closed here at once and on every other node through the bus.
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

export async function banUser(rt: Runtime, actor: Actor, input: TBanUserInput) {
  if (input.userId === actor.id) throw new AppError('AUTH011', 'You cannot ban yourself.')
  const now = rt.clock.now()
  const bannedUntil = input.durationHours ? new Date(now.getTime() + input.durationHours * 3600_000) : null
  await rt.db.$transaction(async (tx) => {
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
  })
  rt.live.closeUser(input.userId, 'account banned')
  await rt.bus.publish(busChannel.platformBans, { userId: input.userId } satisfies PlatformBanEvent)
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
