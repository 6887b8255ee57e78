import Link from 'next/link'
import { when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { StaffTable } from '@/components/staff-table'
import { load, staffApi } from '@/lib/staff-api'

export default async function TravelsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams
  const { api, isAdmin } = await staffApi()
  const result = await load(api.admin.listTravels.query({ query: q || undefined }))
  return (
    <div className="stack">
      <h1>Travels</h1>
      <p className="muted">{isAdmin ? 'Every travel on Connecto.' : 'The travels you host or moderate.'}</p>
      <search>
        <form className="toolbar">
          <input
            name="q"
            defaultValue={q}
            placeholder="Name, id or invite code"
            aria-label="Search travels"
          />
          <button type="submit" className="button button-secondary button-small">
            Search
          </button>
        </form>
      </search>
      {!result.ok ? (
        <Refusal title="Travels could not be listed" message={result.message} code={result.code} />
      ) : (
        <div className="panel table-wrap">
          <StaffTable head={['Travel', 'Dates', 'Members', 'Planets', 'Open reports']} testId="travels-table">
            {result.data.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link href={`/travels/${t.id}`}>{t.name}</Link>
                  <div className="muted small">
                    {t.status}
                    {t.isFrozen ? ' · frozen' : ''} · by {t.createdBy}
                  </div>
                </td>
                <td className="small">
                  {when(t.startDate)} – {when(t.endDate)}
                </td>
                <td>{t.activeMembers}</td>
                <td>{t.activePlanets}</td>
                <td className={t.openReports > 0 ? 'danger-text' : undefined}>{t.openReports}</td>
              </tr>
            ))}
          </StaffTable>
          {result.data.length === 0 ? <p className="muted">No travels match.</p> : null}
        </div>
      )}
    </div>
  )
}
