// The admin app's travel list: every travel for admins, the travels a host or moderator runs otherwise,
// with member and planet counts and open reports, searchable by name, id or invite code.
import type { Prisma } from '@connecto/db'
import type { TListStaffTravelsInput } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { loadStaffScope } from './staff-scope.ts'

export async function listStaffTravels(rt: Runtime, actor: Actor, input: TListStaffTravelsInput) {
  const scope = await loadStaffScope(rt.db, actor)
  const where: Prisma.TravelWhereInput = {
    deletedAt: null,
    ...(scope.kind === 'travels' ? { id: { in: scope.travelIds } } : {}),
    ...(input.query
      ? {
          OR: [
            { name: { contains: input.query, mode: 'insensitive' } },
            { id: input.query },
            { inviteCode: input.query.toUpperCase() },
          ],
        }
      : {}),
  }
  const travels = await rt.db.travel.findMany({
    where,
    orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    take: input.limit,
    select: {
      id: true,
      name: true,
      status: true,
      isFrozen: true,
      startDate: true,
      endDate: true,
      inviteCode: true,
      createdBy: { select: { email: true, profile: { select: { nickname: true } } } },
      _count: {
        select: {
          members: { where: { status: 'ACTIVE' } },
          planets: { where: { status: 'ACTIVE' } },
          reports: { where: { status: 'OPEN' } },
        },
      },
    },
  })
  return travels.map((t) => ({
    id: t.id,
    name: t.name,
    status: t.status,
    isFrozen: t.isFrozen,
    startDate: t.startDate,
    endDate: t.endDate,
    inviteCode: t.inviteCode,
    createdBy: t.createdBy.profile?.nickname ?? t.createdBy.email,
    activeMembers: t._count.members,
    activePlanets: t._count.planets,
    openReports: t._count.reports,
  }))
}
