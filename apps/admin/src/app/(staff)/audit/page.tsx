import Link from 'next/link'
import { when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { StaffTable } from '@/components/staff-table'
import { type AuditSearch, toAuditFilter, toQueryString } from '@/lib/audit-filter'
import { load, staffApi } from '@/lib/staff-api'

const ACTIONS = [
  'travel.',
  'travel.member.banned',
  'travel.member.unbanned',
  'planet.member.muted',
  'planet.messages.bulk_deleted',
  'report.resolved',
  'user.',
  'user.banned',
  'user.suspended',
  'user.role.changed',
]

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<AuditSearch & { cursor?: string }>
}) {
  const { cursor, ...search } = await searchParams
  const { api, isAdmin } = await staffApi()
  const result = await load(
    api.admin.auditLog.query({ ...toAuditFilter(search), cursor: cursor || undefined, limit: 50 }),
  )
  const query = toQueryString(search)
  return (
    <div className="stack">
      <h1>Audit log</h1>
      <p className="muted">
        {isAdmin ? 'Every moderation and admin action.' : 'Actions taken in the travels you run.'}
      </p>
      <form className="toolbar" aria-label="Filter the audit log">
        <input name="actor" defaultValue={search.actor} placeholder="Actor id" aria-label="Actor id" />
        <input
          name="action"
          defaultValue={search.action}
          placeholder="Action"
          aria-label="Action"
          list="audit-actions"
        />
        <datalist id="audit-actions">
          {ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <input name="target" defaultValue={search.target} placeholder="Target id" aria-label="Target id" />
        <label className="small">
          From <input type="date" name="from" defaultValue={search.from} />
        </label>
        <label className="small">
          To <input type="date" name="to" defaultValue={search.to} />
        </label>
        <button type="submit" className="button button-secondary button-small">
          Filter
        </button>
        <a
          className="button button-secondary button-small"
          href={`/audit/export${query ? `?${query}` : ''}`}
          download
        >
          Export CSV
        </a>
      </form>
      {!result.ok ? (
        <Refusal title="The audit log could not be shown" message={result.message} code={result.code} />
      ) : (
        <div className="panel table-wrap">
          <StaffTable head={['When', 'Actor', 'Action', 'Target', 'Details']} testId="audit-table">
            {result.data.items.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action} data-target-id={e.targetId}>
                <td className="small">{when(e.createdAt)}</td>
                <td>{e.actorName ?? 'System'}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td className="small">
                  {e.targetType === 'user' && isAdmin ? (
                    <Link href={`/users/${e.targetId}`}>{e.targetId}</Link>
                  ) : (
                    e.targetId
                  )}
                  <div className="muted">{e.targetType}</div>
                </td>
                <td className="small details">{e.details ? JSON.stringify(e.details) : ''}</td>
              </tr>
            ))}
          </StaffTable>
          {result.data.items.length === 0 ? <p className="muted">No entries match.</p> : null}
          {result.data.nextCursor ? (
            <p>
              <Link
                href={`/audit?${toQueryString({ ...search })}${query ? '&' : ''}cursor=${result.data.nextCursor}`}
              >
                Older entries →
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </div>
  )
}
