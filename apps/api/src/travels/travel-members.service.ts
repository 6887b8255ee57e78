// Membership of a travel: list members, leave, and the host's and moderators' actions on members
// (remove, hand over the host role, promote / demote). Every change runs in one transaction with the
// travel row locked; staff actions write their audit row in that same transaction.
import type { Tx } from '@connecto/db'
import type {
  TLeaveTravelInput,
  TListTravelMembersInput,
  TRemoveTravelMemberInput,
  TravelRole,
  TSetTravelRoleInput,
  TTransferHostInput,
} from '@connecto/shared'
import { isTravelStaff } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { publishPlanetEvents } from '../events/planet-events.ts'
import { publishMembershipChange } from '../me/user-events.ts'
import { postSystemMessages } from '../messages/system-messages.ts'
import { recordAudit } from '../moderation/audit.ts'
import { requireTravelModerator } from '../moderation/staff.ts'
import { lastSeenVisible } from '../realtime/privacy.ts'
import type { Runtime } from '../runtime.ts'
import {
  type Actor,
  loadTravelAccess,
  lockTravel,
  requireActiveMember,
  requireTravelHost,
  requireTravelReader,
} from './travel-access.ts'

export async function listTravelMembers(rt: Runtime, actor: Actor, input: TListTravelMembersInput) {
  const { membership, isAdmin } = await requireTravelReader(rt.db, actor, input.travelId)
  if (input.includeInactive && !isAdmin && !isTravelStaff(membership)) throw new AppError('TRV011')
  const rows = await rt.db.travelUser.findMany({
    where: { travelId: input.travelId, ...(input.includeInactive ? {} : { status: 'ACTIVE' }) },
    orderBy: [{ role: 'asc' }, { joinedAt: 'asc' }, { id: 'asc' }],
    include: {
      user: { select: { lastSeenAt: true, profile: { select: { nickname: true, preferences: true } } } },
    },
  })
  const online = await rt.presence.isOnline(rows.map((m) => m.userId))
  return rows.map((m) => {
    const visible = m.userId === actor.id || lastSeenVisible(m.user.profile?.preferences)
    return {
      userId: m.userId,
      nickname: m.user.profile?.nickname ?? null,
      role: m.role,
      status: m.status,
      joinedAt: m.joinedAt,
      online: visible && online.has(m.userId),
      lastSeenAt: visible ? m.user.lastSeenAt : null,
    }
  })
}

/**
 * Leaves the travel and all its planets. Planet roles drop to MEMBER so a rejoin starts from scratch.
 * Returns the "left the travel" SYSTEM messages' events, to publish after commit.
 */
async function deactivateMember(tx: Tx, travelId: string, userId: string, now: Date) {
  const groups = await tx.planetUser.findMany({
    where: { userId, status: 'ACTIVE', planet: { travelId, type: 'GROUP', status: 'ACTIVE' } },
    select: { planetId: true },
  })
  await tx.travelUser.update({
    where: { travelId_userId: { travelId, userId } },
    data: { status: 'LEFT', leftAt: now },
  })
  await tx.planetUser.updateMany({
    where: { userId, status: 'ACTIVE', planet: { travelId } },
    data: { status: 'LEFT', role: 'MEMBER' },
  })
  const planetIds = groups.map((g) => g.planetId)
  return postSystemMessages(tx, { kind: 'member.left', planetIds, userId }, now)
}

/** Planet roles follow the travel role: staff moderate every planet they are in. */
async function syncPlanetRoles(tx: Tx, travelId: string, userId: string, role: TravelRole) {
  await tx.planetUser.updateMany({
    where: { userId, status: 'ACTIVE', planet: { travelId } },
    data: { role: role === 'PARTICIPANT' ? 'MEMBER' : 'MODERATOR' },
  })
}

export async function leaveTravel(rt: Runtime, actor: Actor, input: TLeaveTravelInput) {
  const events = await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    const { membership } = await loadTravelAccess(tx, actor, input.travelId, rt.clock.now())
    if (!membership) throw new AppError('TRV002')
    if (membership.role === 'HOST') throw new AppError('TRV010')
    return deactivateMember(tx, input.travelId, actor.id, rt.clock.now())
  })
  await publishPlanetEvents(rt, events)
  await publishMembershipChange(rt, actor.id, { travelId: input.travelId, change: 'left' })
  return { travelId: input.travelId, status: 'LEFT' as const }
}

/** The host or a platform admin removes anyone but the host; a moderator removes participants only. */
export async function removeTravelMember(rt: Runtime, actor: Actor, input: TRemoveTravelMemberInput) {
  const events = await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    const rank = await requireTravelModerator(tx, actor, input.travelId, rt.clock.now())
    const target = await requireActiveMember(tx, input.travelId, input.userId)
    const mayRemove = target.role === 'PARTICIPANT' || (rank !== 'MODERATOR' && target.role !== 'HOST')
    if (!mayRemove) throw new AppError('TRV012')
    const events = await deactivateMember(tx, input.travelId, input.userId, rt.clock.now())
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.member.removed',
      targetType: 'user',
      targetId: input.userId,
      details: { travelId: input.travelId, role: target.role },
    })
    return events
  })
  await publishPlanetEvents(rt, events)
  await publishMembershipChange(rt, input.userId, { travelId: input.travelId, change: 'removed' })
  return { travelId: input.travelId, userId: input.userId, status: 'LEFT' as const }
}

/** Hands the host role to an active member; the old host stays on as a moderator. */
export async function transferHost(rt: Runtime, actor: Actor, input: TTransferHostInput) {
  await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    await requireTravelHost(tx, actor, input.travelId, rt.clock.now())
    if (input.userId === actor.id) throw new AppError('TRV012', 'You are already the host.')
    await requireActiveMember(tx, input.travelId, input.userId)
    await tx.travelUser.update({
      where: { travelId_userId: { travelId: input.travelId, userId: input.userId } },
      data: { role: 'HOST' },
    })
    await tx.travelUser.update({
      where: { travelId_userId: { travelId: input.travelId, userId: actor.id } },
      data: { role: 'MODERATOR' },
    })
    await syncPlanetRoles(tx, input.travelId, input.userId, 'HOST')
    await syncPlanetRoles(tx, input.travelId, actor.id, 'MODERATOR')
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.host.transferred',
      targetType: 'user',
      targetId: input.userId,
      details: { travelId: input.travelId, previousHostId: actor.id },
    })
  })
  return { travelId: input.travelId, hostId: input.userId }
}

/** Promotes a participant to moderator or demotes a moderator; the host role moves only by transfer. */
export async function setTravelRole(rt: Runtime, actor: Actor, input: TSetTravelRoleInput) {
  await rt.db.$transaction(async (tx) => {
    await lockTravel(tx, input.travelId)
    await requireTravelHost(tx, actor, input.travelId, rt.clock.now())
    const target = await requireActiveMember(tx, input.travelId, input.userId)
    if (target.role === 'HOST') throw new AppError('TRV012', 'Transfer the host role instead.')
    if (target.role === input.role) return
    await tx.travelUser.update({ where: { id: target.id }, data: { role: input.role } })
    await syncPlanetRoles(tx, input.travelId, input.userId, input.role)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'travel.member.role_changed',
      targetType: 'user',
      targetId: input.userId,
      details: { travelId: input.travelId, from: target.role, to: input.role },
    })
  })
  return { travelId: input.travelId, userId: input.userId, role: input.role }
}
