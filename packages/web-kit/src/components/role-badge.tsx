import type { PlatformRole } from '@connecto/shared'

const ROLE_LABELS: Record<PlatformRole, string> = { ADMIN: 'Admin', HOST: 'Host', USER: 'Traveller' }

export function RoleBadge({ role }: { role: PlatformRole }) {
  return (
    <span className={`badge badge-${role.toLowerCase()}`} data-testid="role" data-role={role}>
      {ROLE_LABELS[role]}
    </span>
  )
}
