// The audit log for the admin app: filtered by actor, action, target and date, newest first, paged by
// cursor, and exported as CSV. Admins see every entry; a travel's host and moderators see the entries
// of their travels (the ones whose details name the travel).
import type { Prisma } from '@connecto/db'
import type { TAuditLogFilter, TListAuditLogInput } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { toCsv } from './csv.ts'
import { loadStaffScope, type StaffScope } from './staff-scope.ts'

export const AUDIT_EXPORT_LIMIT = 10_000

function auditWhere(scope: StaffScope, filter: TAuditLogFilter): Prisma.AuditLogWhereInput {
  const action = filter.action
    ? filter.action.endsWith('.')
      ? { startsWith: filter.action }
      : { equals: filter.action }
    : undefined
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(action ? { action } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lte: filter.to } : {}),
          },
        }
      : {}),
    ...(scope.kind === 'travels'
      ? { OR: scope.travelIds.map((id) => ({ details: { path: ['travelId'], equals: id } })) }
      : {}),
  }
}

const auditSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  details: true,
  createdAt: true,
  actorId: true,
  actor: { select: { email: true, profile: { select: { nickname: true } } } },
} as const satisfies Prisma.AuditLogSelect

type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditSelect }>

const toEntry = (row: AuditRow) => ({
  id: row.id,
  createdAt: row.createdAt,
  actorId: row.actorId,
  actorName: row.actor ? (row.actor.profile?.nickname ?? row.actor.email) : null,
  actorEmail: row.actor?.email ?? null,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  details: (row.details ?? null) as Record<string, unknown> | null,
})

export async function listAuditLog(rt: Runtime, actor: Actor, input: TListAuditLogInput) {
  const scope = await loadStaffScope(rt.db, actor)
  const rows = await rt.db.auditLog.findMany({
    where: auditWhere(scope, input),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: auditSelect,
  })
  const page = rows.slice(0, input.limit)
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

const CSV_HEADER = ['time', 'actor_id', 'actor_email', 'action', 'target_type', 'target_id', 'details']

export async function exportAuditLog(rt: Runtime, actor: Actor, filter: TAuditLogFilter) {
  const scope = await loadStaffScope(rt.db, actor)
  const rows = await rt.db.auditLog.findMany({
    where: auditWhere(scope, filter),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_EXPORT_LIMIT,
    select: auditSelect,
  })
  const csv = toCsv([
    CSV_HEADER,
    ...rows
      .map(toEntry)
      .map((e) => [
        e.createdAt.toISOString(),
        e.actorId ?? 'system',
        e.actorEmail ?? '',
        e.action,
        e.targetType,
        e.targetId,
        e.details ? JSON.stringify(e.details) : '',
      ]),
  ])
  const stamp = rt.clock.now().toISOString().slice(0, 10)
  return {
    filename: `connecto-audit-${stamp}.csv`,
    rows: rows.length,
    truncated: rows.length === AUDIT_EXPORT_LIMIT,
    csv,
  }
}
