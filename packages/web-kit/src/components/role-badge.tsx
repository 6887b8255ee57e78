import type { PlatformRole } from '@connecto/shared'

const ROLE_LABELS: Record<PlatformRole, string> = { ADMIN: 'Admin', HOST: 'Host', USER: 'Traveller' }

export function RoleBadge({ role, label }: { role: PlatformRole; label?: string }) {
  return (
    <span className={`badge badge-${role.toLowerCase()}`} data-testid="role" data-role={role}>
      {label ?? ROLE_LABELS[role]}
    </span>
  )
}
