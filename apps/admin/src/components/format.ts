// Dates as staff read them: short, in their own locale, and never "Invalid Date" for a missing value.
export function when(value: Date | string | null | undefined) {
  if (!value) return '—'
  return (
    new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) +
    ' UTC'
  )
}

export function userState(u: { isBanned: boolean; suspendedAt: Date | string | null }) {
  if (u.suspendedAt) return 'Suspended'
  if (u.isBanned) return 'Banned'
  return 'Active'
}
