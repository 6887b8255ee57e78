import Link from 'next/link'
import { AutoRefresh } from '@/components/auto-refresh'
import { when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { StaffTable } from '@/components/staff-table'
import { load, staffApi } from '@/lib/staff-api'

type Search = { status?: string; travelId?: string; type?: string }
const STATUSES = ['OPEN', 'RESOLVED', 'DISMISSED'] as const
const TYPES = ['MESSAGE', 'USER', 'PLANET'] as const

export default async function ModerationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams
  const status = STATUSES.find((s) => s === (params.status ?? 'OPEN'))
  const { api, isAdmin } = await staffApi()
  const [reports, travels] = await Promise.all([
    load(api.moderation.listReports.query({ status, travelId: params.travelId || undefined })),
    load(api.admin.listTravels.query({ limit: 100 })),
  ])
  const travelName = new Map(travels.ok ? travels.data.map((t) => [t.id, t.name]) : [])
  const rows = reports.ok ? reports.data.filter((r) => !params.type || r.targetType === params.type) : []
  return (
    <div className="stack">
      <AutoRefresh seconds={15} />
      <h1>Moderation</h1>
      <form className="toolbar" aria-label="Filter reports">
        <select name="status" defaultValue={params.status ?? 'OPEN'} aria-label="Status">
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
          <option value="">ANY</option>
        </select>
        <select name="travelId" defaultValue={params.travelId ?? ''} aria-label="Travel">
          <option value="">{isAdmin ? 'All travels' : 'All my travels'}</option>
          {[...travelName].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select name="type" defaultValue={params.type ?? ''} aria-label="Reported">
          <option value="">Anything reported</option>
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="submit" className="button button-secondary button-small">
          Filter
        </button>
      </form>
      {!reports.ok ? (
        <Refusal title="Reports could not be listed" message={reports.message} code={reports.code} />
      ) : rows.length === 0 ? (
        <p className="panel muted">No reports match. The queue refreshes by itself.</p>
      ) : (
        <div className="panel table-wrap">
          <StaffTable head={['Reported', 'Reason', 'Travel', 'Status', 'When']} testId="reports-table">
            {rows.map((r) => (
              <tr key={r.id} data-testid="report-row">
                <td>
                  <Link href={`/moderation/${r.id}`}>{r.targetType.toLowerCase()}</Link>
                </td>
                <td>{r.reason}</td>
                <td>{r.travelId ? (travelName.get(r.travelId) ?? r.travelId) : '—'}</td>
                <td>
                  {r.status}
                  {r.actionTaken ? ` (${r.actionTaken})` : ''}
                </td>
                <td className="small">{when(r.createdAt)}</td>
              </tr>
            ))}
          </StaffTable>
        </div>
      )}
    </div>
  )
}
