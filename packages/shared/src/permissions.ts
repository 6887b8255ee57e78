// Role rules, one place per rule. Services call these with the member rows they loaded.
import type { PlanetRole, PlanetType, PlatformRole, TravelRole } from './enums.ts'

export type TravelMembership = { role: TravelRole; status: 'ACTIVE' | 'LEFT' | 'BANNED' }

export const isPlatformAdmin = (role: PlatformRole) => role === 'ADMIN'

/** Roles that may open the admin dashboard. */
export const canUseAdminApp = (role: PlatformRole) => role === 'ADMIN' || role === 'HOST'

export const isTravelStaff = (m: TravelMembership | null | undefined) =>
  !!m && m.status === 'ACTIVE' && (m.role === 'HOST' || m.role === 'MODERATOR')

export const canManageTravel = (platformRole: PlatformRole, m: TravelMembership | null | undefined) =>
  isPlatformAdmin(platformRole) || (!!m && m.status === 'ACTIVE' && m.role === 'HOST')

export const canCreatePlanet = (platformRole: PlatformRole, m: TravelMembership | null | undefined) =>
  isPlatformAdmin(platformRole) || isTravelStaff(m)

export function canPostIn(
  planetType: PlanetType,
  travel: TravelMembership | null | undefined,
  planetRole?: PlanetRole,
) {
  if (travel?.status !== 'ACTIVE') return false
  if (planetType !== 'ANNOUNCEMENT') return true
  return isTravelStaff(travel) || planetRole === 'MODERATOR'
}
