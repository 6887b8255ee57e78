import { AutoRefresh } from '@/components/auto-refresh'
import { QueueHealth } from '@/components/live-dashboard'
import type { Stats } from '@/components/live-metrics'
import { Refusal } from '@/components/refusal'
import { serverEnv } from '@/env'
import { load, staffApi } from '@/lib/staff-api'

type Component = {
  status: 'up' | 'down'
  latencyMs: number
  mode?: string
  error?: string
  details?: Record<string, unknown>
}
type Health = { status: string; uptimeSeconds: number; components: Record<string, Component> }

/** A component's scalar details (connections: 3, mode: redis); nested ones, like queues, have their own panel. */
function ComponentDetails({ details }: { details: Record<string, unknown> }) {
  const scalars = Object.entries(details).filter(([, v]) =>
    ['string', 'number', 'boolean'].includes(typeof v),
  )
  if (scalars.length === 0) return null
  return <span className="small muted">{scalars.map(([k, v]) => `${k}: ${String(v)}`).join(' · ')}</span>
}

async function readHealth(): Promise<Health | { error: string }> {
  try {
    const response = await fetch(`${serverEnv.apiUrl}/health/detailed`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    })
    return (await response.json()) as Health
  } catch (error) {
    return { error: `The api did not answer: ${(error as Error).message}` }
  }
}

export default async function SystemPage() {
  const { api, isAdmin } = await staffApi()
  if (!isAdmin)
    return (
      <Refusal title="System health is for admins" message="Only platform admins see the api's internals." />
    )
  const [health, stats] = await Promise.all([readHealth(), load(api.admin.dashboardStats.query())])
  return (
    <div className="stack">
      <AutoRefresh seconds={10} />
      <h1>System health</h1>
      {'error' in health ? (
        <p className="result result-refused" role="alert">
          {health.error}
        </p>
      ) : (
        <>
          <p data-testid="health-status">
            Overall:{' '}
            <strong className={health.status === 'ok' ? 'ok-text' : 'danger-text'}>{health.status}</strong> ·
            up {Math.round(health.uptimeSeconds / 60)} min
          </p>
          <div className="figures">
            {Object.entries(health.components).map(([name, c]) => (
              <div key={name} className={`figure component ${c.status}`} data-testid={`component-${name}`}>
                <span className="figure-label">{name}</span>
                <span className="figure-value">{c.status === 'up' ? 'Up' : 'Down'}</span>
                <span className="small">
                  {c.latencyMs} ms{c.mode ? ` · ${c.mode}` : ''}
                </span>
                {c.error ? <span className="small danger-text">{c.error}</span> : null}
                {c.details ? <ComponentDetails details={c.details} /> : null}
              </div>
            ))}
          </div>
        </>
      )}
      {stats.ok ? (
        <QueueHealth queues={stats.data.queues as unknown as Stats['queues']} />
      ) : (
        <p className="result result-refused">{stats.message}</p>
      )}
    </div>
  )
}
