'use client'

// The admin dashboard: polls the api's figures every few seconds and draws them; the socket and HTTP
// charts build up from the readings taken while the page is open.
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { type Sample, type Stats, toSample } from './live-metrics'
import { StaffTable } from './staff-table'

const POLL_MS = 5000
const KEEP_SAMPLES = 60

async function fetchStats(): Promise<Stats> {
  const response = await fetch('/api/stats', { cache: 'no-store' })
  const body = await response.json()
  if (!response.ok) throw new Error(body.error ?? `The dashboard could not load (${response.status}).`)
  return body as Stats
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </div>
  )
}

function ChartPanel({
  title,
  note,
  children,
}: {
  title: string
  note?: string
  children: React.ReactElement
}) {
  return (
    <section className="panel chart-panel">
      <h2>{title}</h2>
      {note ? <p className="muted small">{note}</p> : null}
      <div className="chart">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </section>
  )
}

export function LiveDashboard() {
  const stats = useQuery({ queryKey: ['dashboard-stats'], queryFn: fetchStats, refetchInterval: POLL_MS })
  const [samples, setSamples] = useState<{ last: Stats | null; list: Sample[] }>({ last: null, list: [] })

  useEffect(() => {
    const current = stats.data
    if (!current) return
    setSamples((s) =>
      s.last?.at === current.at
        ? s
        : { last: current, list: [...s.list, toSample(s.last, current)].slice(-KEEP_SAMPLES) },
    )
  }, [stats.data])

  if (stats.error && !stats.data) {
    return (
      <p className="result result-refused" role="alert">
        {stats.error.message}
      </p>
    )
  }
  const data = stats.data
  if (!data) return <p className="muted">Loading the live figures…</p>
  const latest = samples.list.at(-1)
  const hourly = data.activeUsersByHour.map((h) => ({ hour: clock(h.at), users: h.count }))
  const perMinute = data.messagesPerMinute.map((m) => ({ minute: clock(m.at), messages: m.count }))

  return (
    <div className="stack" data-testid="live-dashboard">
      <section className="figures" aria-label="Now">
        <Figure label="Online now" value={data.onlineUsers} testId="online-users" />
        <Figure label="Active in 24 h" value={data.activeUsers24h} testId="active-24h" />
        <Figure label="Live WebSocket connections" value={data.liveConnections} testId="live-connections" />
        <Figure
          label="Messages this minute"
          value={perMinute.at(-1)?.messages ?? 0}
          testId="messages-minute"
        />
        <Figure
          label="API p95 latency"
          value={latest?.p95Ms != null ? `${latest.p95Ms} ms` : '—'}
          testId="latency"
        />
        <Figure
          label="Error rate"
          value={latest?.errorRate != null ? `${latest.errorRate}%` : '—'}
          testId="error-rate"
        />
      </section>
      <div className="chart-grid">
        <ChartPanel
          title="Active users, last 24 hours"
          note="Distinct users who sent a message or signed in, per hour."
        >
          <BarChart data={hourly}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="hour" fontSize={11} interval={3} />
            <YAxis allowDecimals={false} fontSize={11} width={32} />
            <Tooltip />
            <Bar dataKey="users" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ChartPanel>
        <ChartPanel title="Messages per minute" note="Last 30 minutes, every node.">
          <AreaChart data={perMinute}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="minute" fontSize={11} interval={5} />
            <YAxis allowDecimals={false} fontSize={11} width={32} />
            <Tooltip />
            <Area dataKey="messages" stroke="#6366f1" fill="#c7d2fe" isAnimationActive={false} />
          </AreaChart>
        </ChartPanel>
        <ChartPanel
          title="Live connections"
          note="Sockets on the api node that answered; online users on every node."
        >
          <LineChart data={samples.list}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="time" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} width={32} />
            <Tooltip />
            <Legend />
            <Line
              dataKey="connections"
              name="WebSocket connections"
              stroke="#0f766e"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="online"
              name="Online users"
              stroke="#f59e0b"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ChartPanel>
        <ChartPanel
          title="API latency and errors"
          note="Per 5-second interval, from the api's request histogram."
        >
          <LineChart data={samples.list}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="time" fontSize={11} />
            <YAxis yAxisId="ms" fontSize={11} width={40} unit=" ms" />
            <YAxis yAxisId="pct" orientation="right" fontSize={11} width={40} unit="%" domain={[0, 'auto']} />
            <Tooltip />
            <Legend />
            <Line
              yAxisId="ms"
              dataKey="avgMs"
              name="Average"
              stroke="#6366f1"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              yAxisId="ms"
              dataKey="p95Ms"
              name="p95"
              stroke="#0ea5e9"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              yAxisId="pct"
              dataKey="errorRate"
              name="5xx rate"
              stroke="#b91c1c"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ChartPanel>
      </div>
      <QueueHealth queues={data.queues} />
    </div>
  )
}

export function QueueHealth({ queues }: { queues: Stats['queues'] }) {
  return (
    <section className="panel" data-testid="queue-health">
      <h2>Job queues</h2>
      <p className="muted small">
        {queues.kind === 'bullmq' ? 'BullMQ on Redis.' : 'In-process runner (no Redis configured).'}
      </p>
      {queues.error ? (
        <p className="result result-refused" role="alert">
          Queues unavailable: {queues.error}
        </p>
      ) : (
        <div className="table-wrap">
          <StaffTable head={['Queue', 'Waiting', 'Active', 'Delayed', 'Failed', 'Completed']}>
            {queues.queues.map((q) => (
              <tr key={q.name}>
                <td>{q.name}</td>
                <td>{q.waiting}</td>
                <td>{q.active}</td>
                <td>{q.delayed}</td>
                <td className={q.failed > 0 ? 'danger-text' : undefined}>{q.failed}</td>
                <td>{q.completed}</td>
              </tr>
            ))}
          </StaffTable>
        </div>
      )}
      {queues.deadLetters.length > 0 ? (
        <>
          <h3>Recent failures</h3>
          <ul className="plain-list small">
            {queues.deadLetters.map((d) => (
              <li key={`${d.queue}-${d.id}`}>
                <strong>{d.name}</strong> on {d.queue}: {d.failedReason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
