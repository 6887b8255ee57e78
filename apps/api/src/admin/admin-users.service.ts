// Platform user management for admins: search, a user's profile with travels and recent activity,
// platform role changes and account suspension. Each change is audited in its own transaction.
import type { Prisma } from '@connecto/db'
import type {
  TGetUserInput,
  TRestoreUserInput,
  TSearchUsersInput,
  TSetPlatformRoleInput,
  TSuspendUserInput,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { recordAudit } from '../moderation/audit.ts'
import { closeBannedUserSockets } from '../moderation/platform-bans.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { isBanActive } from '../users/active-user.ts'

const RECENT = 20

const userSummarySelect = {
  id: true,
  email: true,
  role: true,
  isBanned: true,
  banReason: true,
  bannedUntil: true,
  suspendedAt: true,
  lastSeenAt: true,
  createdAt: true,
  profile: { select: { nickname: true, name: true } },
} as const satisfies Prisma.UserSelect

type UserSummaryRow = Prisma.UserGetPayload<{ select: typeof userSummarySelect }>

function toUserSummary(u: UserSummaryRow, now: Date) {
  return {
    id: u.id,
    email: u.email,
    nickname: u.profile?.nickname ?? null,
    name: u.profile?.name ?? null,
    role: u.role,
    isBanned: isBanActive(u, now),
    banReason: u.banReason,
    bannedUntil: u.bannedUntil,
    suspendedAt: u.suspendedAt,
    lastSeenAt: u.lastSeenAt,
    createdAt: u.createdAt,
  }
}

function stateFilter(state: TSearchUsersInput['state'], now: Date): Prisma.UserWhereInput {
  const banned: Prisma.UserWhereInput = {
    isBanned: true,
    OR: [{ bannedUntil: null }, { bannedUntil: { gt: now } }],
  }
  if (state === 'suspended') return { suspendedAt: { not: null } }
  if (state === 'banned') return banned
  if (state === 'active') return { suspendedAt: null, NOT: banned }
  return {}
}

export async function searchUsers(rt: Runtime, input: TSearchUsersInput) {
  const now = rt.clock.now()
  const text = input.query
    ? {
        OR: [
          { email: { contains: input.query, mode: 'insensitive' as const } },
          { profile: { nickname: { contains: input.query, mode: 'insensitive' as const } } },
          { id: input.query },
        ],
      }
    : {}
  const rows = await rt.db.user.findMany({
    where: { AND: [text, input.role ? { role: input.role } : {}, stateFilter(input.state, now)] },
    select: userSummarySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
  })
  return rows.map((u) => toUserSummary(u, now))
}

export async function getUserDetail(rt: Runtime, input: TGetUserInput) {
  const user = await rt.db.user.findUnique({
    where: { id: input.userId },
    select: {
      ...userSummarySelect,
      profile: { select: { nickname: true, name: true, bio: true, occupation: true } },
      travels: {
        select: {
          role: true,
          status: true,
          joinedAt: true,
          banReason: true,
          bannedUntil: true,
          travel: { select: { id: true, name: true, status: true, isFrozen: true, deletedAt: true } },
        },
        orderBy: { joinedAt: 'desc' },
      },
    },
  })
  if (!user) throw new AppError('USR001')
  const [messages, auditAbout, auditBy] = await Promise.all([
    rt.db.message.findMany({
      where: { senderId: user.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT,
      select: {
        id: true,
        content: true,
        type: true,
        createdAt: true,
        deletedAt: true,
        planet: { select: { id: true, name: true, travelId: true } },
      },
    }),
    rt.db.auditLog.findMany({
      where: { targetType: 'user', targetId: user.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT,
    }),
    rt.db.auditLog.findMany({
      where: { actorId: user.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT,
    }),
  ])
  return {
    ...toUserSummary(user, rt.clock.now()),
    bio: user.profile?.bio ?? null,
    occupation: user.profile?.occupation ?? null,
    travels: user.travels.map((m) => ({
      travelId: m.travel.id,
      name: m.travel.name,
      travelStatus: m.travel.status,
      isFrozen: m.travel.isFrozen,
      deleted: m.travel.deletedAt !== null,
      role: m.role,
      status: m.status,
      joinedAt: m.joinedAt,
      banReason: m.banReason,
      bannedUntil: m.bannedUntil,
    })),
    recentMessages: messages.map((m) => ({
      id: m.id,
      type: m.type,
      content: m.deletedAt ? null : m.content,
      deleted: m.deletedAt !== null,
      createdAt: m.createdAt,
      planetId: m.planet.id,
      planetName: m.planet.name,
      travelId: m.planet.travelId,
    })),
    moderationHistory: auditAbout.map(toActivity),
    actionsTaken: auditBy.map(toActivity),
  }
}

const toActivity = (a: {
  id: string
  action: string
  actorId: string | null
  targetId: string
  details: Prisma.JsonValue
  createdAt: Date
}) => ({
  id: a.id,
  action: a.action,
  actorId: a.actorId,
  targetId: a.targetId,
  details: a.details,
  createdAt: a.createdAt,
})

/** Admins act on others only: changing or suspending yourself would lock out the last admin too easily. */
function refuseSelf(actor: Actor, userId: string, what: string) {
  if (actor.id === userId) throw new AppError('AUTH011', `You cannot ${what} yourself.`)
}

export async function setPlatformRole(rt: Runtime, actor: Actor, input: TSetPlatformRoleInput) {
  refuseSelf(actor, input.userId, 'change the platform role of')
  return rt.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true } })
    if (!user) throw new AppError('USR001')
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role.changed',
      targetType: 'user',
      targetId: input.userId,
      details: { from: user.role, to: input.role },
    })
    return { userId: input.userId, role: input.role, previousRole: user.role }
  })
}

/** Suspension disables the account until restored: sessions revoked, sockets closed on every node. */
export async function suspendUser(rt: Runtime, actor: Actor, input: TSuspendUserInput) {
  refuseSelf(actor, input.userId, 'suspend')
  const now = rt.clock.now()
  await rt.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } })
    if (!user) throw new AppError('USR001')
    await tx.user.update({ where: { id: input.userId }, data: { suspendedAt: now } })
    await tx.session.updateMany({
      where: { userId: input.userId, revokedAt: null },
      data: { revokedAt: now },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.suspended',
      targetType: 'user',
      targetId: input.userId,
      details: { reason: input.reason },
    })
  })
  // Closing a suspended user's sockets is exactly what a platform ban does after commit.
  await closeBannedUserSockets(rt, input.userId)
  return { userId: input.userId, suspendedAt: now }
}

export async function restoreUser(rt: Runtime, actor: Actor, input: TRestoreUserInput) {
  await rt.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { suspendedAt: true } })
    if (!user) throw new AppError('USR001')
    await tx.user.update({ where: { id: input.userId }, data: { suspendedAt: null } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.restored',
      targetType: 'user',
      targetId: input.userId,
    })
  })
  return { userId: input.userId, suspendedAt: null }
}
