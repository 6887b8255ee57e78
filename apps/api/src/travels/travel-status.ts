import type { TravelStatus } from '@connecto/shared'

/** Status follows the dates: planning before the start, active during, ended after the end date. */
export function statusForDates(startDate: Date, endDate: Date, now: Date): TravelStatus {
  if (now < startDate) return 'PLANNING'
  if (now > endDate) return 'ENDED'
  return 'ACTIVE'
}
