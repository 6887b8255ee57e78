// The audit log's filters as URL search parameters, shared by the page and its CSV export.
import type { TAuditLogFilter } from '@connecto/shared'

export type AuditSearch = { actor?: string; action?: string; target?: string; from?: string; to?: string }

/** `from`/`to` are dates (YYYY-MM-DD, UTC); `to` includes its whole day. */
export function toAuditFilter(s: AuditSearch): TAuditLogFilter {
  const day = (value: string | undefined, endOfDay: boolean) => {
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
    return new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`)
  }
  return {
    actorId: s.actor || undefined,
    action: s.action || undefined,
    targetId: s.target || undefined,
    from: day(s.from, false),
    to: day(s.to, true),
  }
}

export function toQueryString(s: AuditSearch) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(s)) if (typeof value === 'string' && value) params.set(key, value)
  return params.toString()
}
