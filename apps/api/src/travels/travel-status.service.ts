// Keeps Travel.status in step with the dates (see statusForDates): a travel whose start or end passed,
// or whose dates were moved without an update through the api, gets its status fixed here.
import type { Prisma } from '@connecto/db'
import type { TravelStatus } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'

export type TravelStatusCounts = Record<TravelStatus, number>

/** One updateMany per target status; deleted travels keep whatever status they had. */
export async function refreshTravelStatuses(rt: Runtime, now: Date): Promise<TravelStatusCounts> {
  const byStatus: Record<TravelStatus, Prisma.TravelWhereInput> = {
    PLANNING: { startDate: { gt: now } },
    ENDED: { endDate: { lt: now } },
    ACTIVE: { startDate: { lte: now }, endDate: { gte: now } },
  }
  const statuses = Object.keys(byStatus) as TravelStatus[]
  const results = await rt.db.$transaction(
    statuses.map((status) =>
      rt.db.travel.updateMany({
        where: { deletedAt: null, status: { not: status }, ...byStatus[status] },
        data: { status },
      }),
    ),
  )
  return Object.fromEntries(statuses.map((s, i) => [s, results[i]?.count ?? 0])) as TravelStatusCounts
}
