import { AccountCard } from '@connecto/web-kit/components/account-card'
import { EmptyState } from '@connecto/web-kit/components/empty-state'
import Link from 'next/link'
import { LiveDashboard } from '@/components/live-dashboard'
import { load, staffApi } from '@/lib/staff-api'

export default async function DashboardPage() {
  const { api, user, isAdmin } = await staffApi()
  if (isAdmin) {
    return (
      <div className="stack">
        <AccountCard user={user} heading="Dashboard" />
        <LiveDashboard />
      </div>
    )
  }
  const travels = await load(api.admin.listTravels.query({}))
  const rows = travels.ok ? travels.data : []
  const openReports = rows.reduce((n, t) => n + t.openReports, 0)
  return (
    <div className="stack">
      <AccountCard user={user} heading="Dashboard" />
      {rows.length === 0 ? (
        <EmptyState title="Nothing needs your attention">
          Reports, members and planets for the travels you run will collect here.
        </EmptyState>
      ) : (
        <section className="panel">
          <h2>Your travels</h2>
          <p className="muted">
            {openReports === 0 ? 'No open reports.' : `${openReports} open report(s) waiting.`}{' '}
            <Link href="/moderation">Open the moderation queue</Link>
          </p>
          <ul className="plain-list">
            {rows.map((t) => (
              <li key={t.id}>
                <Link href={`/travels/${t.id}`}>{t.name}</Link>{' '}
                <span className="muted">
                  {t.activeMembers} members · {t.activePlanets} planets · {t.openReports} open reports
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
