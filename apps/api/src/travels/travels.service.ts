// Travels: create (the creator hosts; a General and an Announcements planet come with it), join by
// invite code, list mine, get one, discover public ones. Membership and host settings live beside this.
import type {
  TCreateTravelInput,
  TDiscoverTravelsInput,
  TGetTravelInput,
  TJoinTravelInput,
  TravelRole,
  TravelVisibility,
} from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { publishPlanetEvents } from '../events/planet-events.ts'
import { publishMembershipChange } from '../me/user-events.ts'
import { postSystemMessages } from '../messages/system-messages.ts'
import { notifyTravelJoined } from '../notifications/notify.ts'
import { loadUnreadCounts, unreadByTravel } from '../reads/unread-counts.ts'
import type { Runtime } from '../runtime.ts'
import { generateInviteCode } from './invite-code.ts'
import { type Actor, requireTravelReader } from './travel-access.ts'
import { statusForDates } from './travel-status.ts'

export async function createTravel(rt: Runtime, userId: string, input: TCreateTravelInput) {
  return rt.db.$transaction(async (tx) => {
    const travel = await tx.travel.create({
      data: {
        name: input.name,
        description: input.description,
        visibility: input.visibility,
        startDate: input.startDate,
        endDate: input.endDate,
        maxMembers: input.maxMembers,
        status: statusForDates(input.startDate, input.endDate, rt.clock.now()),
        inviteCode: generateInviteCode(),
        createdById: userId,
        members: { create: { userId, role: 'HOST' } },
      },
    })
    for (const planet of [
      { name: 'General', type: 'GROUP' as const },
      { name: 'Announcements', type: 'ANNOUNCEMENT' as const },
    ]) {
      await tx.planet.create({
        data: {
          ...planet,
          travelId: travel.id,
          createdById: userId,
          members: { create: { userId, role: 'MODERATOR' } },
        },
      })
    }
    return travel
  })
}

export async function joinTravel(rt: Runtime, userId: string, input: TJoinTravelInput) {
  const travel = await rt.db.travel.findUnique({
    where: { inviteCode: input.inviteCode },
    include: { _count: { select: { members: { where: { status: 'ACTIVE' } } } } },
  })
  if (!travel || travel.deletedAt) throw new AppError('TRV004', undefined, 'inviteCode')
  if (travel.status === 'ENDED' || travel.endDate < rt.clock.now()) throw new AppError('TRV005')
  if (travel.isFrozen) throw new AppError('TRV006')
  const membership = await rt.db.travelUser.findUnique({
    where: { travelId_userId: { travelId: travel.id, userId } },
  })
  if (
    membership?.status === 'BANNED' &&
    (!membership.bannedUntil || membership.bannedUntil > rt.clock.now())
  ) {
    throw new AppError('TRV008')
  }
  if (membership?.status === 'ACTIVE') throw new AppError('TRV003')
  if (travel.maxMembers && travel._count.members >= travel.maxMembers) throw new AppError('TRV007')

  const events = await rt.db.$transaction(async (tx) => {
    await tx.travelUser.upsert({
      where: { travelId_userId: { travelId: travel.id, userId } },
      create: { travelId: travel.id, userId },
      update: { status: 'ACTIVE', role: 'PARTICIPANT', leftAt: null, banReason: null, bannedUntil: null },
    })
    const planets = await tx.planet.findMany({
      where: {
        travelId: travel.id,
        status: 'ACTIVE',
        OR: [{ type: 'ANNOUNCEMENT' }, { type: 'GROUP', autoJoin: true }],
      },
      select: { id: true, type: true },
    })
    for (const planet of planets) {
      await tx.planetUser.upsert({
        where: { planetId_userId: { planetId: planet.id, userId } },
        create: { planetId: planet.id, userId },
        update: { status: 'ACTIVE' },
      })
    }
    const planetIds = planets.filter((p) => p.type === 'GROUP').map((p) => p.id)
    return postSystemMessages(tx, { kind: 'member.joined', planetIds, userId }, rt.clock.now())
  })
  await publishPlanetEvents(rt, events)
  await publishMembershipChange(rt, userId, { travelId: travel.id, change: 'joined' })
  await notifyTravelJoined(rt, { travelId: travel.id, userId })
  return travel
}

export async function listMyTravels(rt: Runtime, userId: string) {
  const rows = await rt.db.travelUser.findMany({
    where: { userId, status: 'ACTIVE', travel: { deletedAt: null } },
    orderBy: { travel: { startDate: 'desc' } },
    include: {
      travel: {
        include: {
          _count: { select: { members: { where: { status: 'ACTIVE' } } } },
          planets: {
            where: { status: 'ACTIVE', members: { some: { userId, status: 'ACTIVE' } } },
            select: { id: true, name: true, type: true, lastMessageAt: true },
            orderBy: { createdAt: 'asc' },
          },
        },
      },
    },
  })
  // One statement for every planet's unread count, however many travels and planets.
  const unread = await loadUnreadCounts(rt.db, userId)
  const unreadOf = new Map(unread.map((u) => [u.planetId, u.unread]))
  const travelUnread = unreadByTravel(unread)
  return rows.map(({ role, travel }) => ({
    id: travel.id,
    name: travel.name,
    description: travel.description,
    status: travel.status,
    startDate: travel.startDate,
    endDate: travel.endDate,
    visibility: travel.visibility,
    ...inviteOf(rt, role, travel),
    memberCount: travel._count.members,
    myRole: role,
    planets: travel.planets.map((p) => ({ ...p, unreadCount: unreadOf.get(p.id) ?? 0 })),
    unreadCount: travelUnread.get(travel.id) ?? 0,
  }))
}

/** Participants of an invite-only travel do not see its code; staff, admins and public travels do. */
function visibleInviteCode(
  role: TravelRole | null,
  travel: { visibility: TravelVisibility; inviteCode: string },
) {
  return role === 'PARTICIPANT' && travel.visibility === 'INVITE_ONLY' ? null : travel.inviteCode
}

/** The code and the web link that carries it, both null when the code is hidden from the caller. */
function inviteOf(
  rt: Runtime,
  role: TravelRole | null,
  travel: { visibility: TravelVisibility; inviteCode: string },
) {
  const inviteCode = visibleInviteCode(role, travel)
  const inviteLink = inviteCode ? `${rt.config.publicWebUrl}/join/${inviteCode}` : null
  return { inviteCode, inviteLink }
}

export async function getTravel(rt: Runtime, actor: Actor, input: TGetTravelInput) {
  const { travel, membership } = await requireTravelReader(rt.db, actor, input.travelId, rt.clock.now())
  const memberCount = await rt.db.travelUser.count({ where: { travelId: travel.id, status: 'ACTIVE' } })
  const myRole = membership?.role ?? null
  return {
    id: travel.id,
    name: travel.name,
    description: travel.description,
    status: travel.status,
    startDate: travel.startDate,
    endDate: travel.endDate,
    visibility: travel.visibility,
    maxMembers: travel.maxMembers,
    isFrozen: travel.isFrozen,
    ...inviteOf(rt, myRole, travel),
    memberCount,
    myRole,
  }
}

/** Public travels one can still join, soonest first, keyset-paged by travel id. */
export async function discoverTravels(rt: Runtime, input: TDiscoverTravelsInput) {
  const cursor = input.cursor
    ? await rt.db.travel.findUnique({ where: { id: input.cursor }, select: { id: true, startDate: true } })
    : null
  const rows = await rt.db.travel.findMany({
    where: {
      visibility: 'PUBLIC',
      deletedAt: null,
      status: { not: 'ENDED' },
      // A stored status lags the clock; a past end date means ended even before the status job runs.
      endDate: { gte: rt.clock.now() },
      ...(cursor
        ? {
            OR: [
              { startDate: { gt: cursor.startDate } },
              { startDate: cursor.startDate, id: { gt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    include: { _count: { select: { members: { where: { status: 'ACTIVE' } } } } },
  })
  const items = rows.slice(0, input.limit).map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    status: t.status,
    startDate: t.startDate,
    endDate: t.endDate,
    maxMembers: t.maxMembers,
    // Public means anyone may join, and joining takes the code.
    inviteCode: t.inviteCode,
    memberCount: t._count.members,
  }))
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null }
}
