// Turns two consecutive dashboard readings into the rates of the interval between them: the api's HTTP
// figures are running totals, so latency and error rate come from their differences.
export type Bucket = { le: number | null; count: number }
export type HttpTotals = {
  requests: number
  serverErrors: number
  latencySumSeconds: number
  buckets: Bucket[]
}

export type Stats = {
  at: string
  onlineUsers: number
  liveConnections: number
  activeUsers24h: number
  activeUsersByHour: { at: string; count: number }[]
  messagesPerMinute: { at: string; count: number }[]
  http: HttpTotals
  queues: {
    kind: string
    error: string | null
    queues: {
      name: string
      waiting: number
      active: number
      delayed: number
      failed: number
      completed: number
    }[]
    deadLetters: { id: string; name: string; queue: string; failedReason: string; failedAt: string | null }[]
  }
}

export type Sample = {
  time: string
  online: number
  connections: number
  requests: number
  avgMs: number | null
  p95Ms: number | null
  errorRate: number | null
}

/** Upper bound (ms) of the bucket holding the 95th-percentile request of the interval. */
function p95(previous: Bucket[], current: Bucket[]) {
  const deltas = current.map((b, i) => ({ le: b.le, count: b.count - (previous[i]?.count ?? 0) }))
  const total = deltas.at(-1)?.count ?? 0
  if (total <= 0) return null
  // The last bucket is +Inf (null in JSON): past the largest finite bound, report that bound.
  const bound = deltas.find((b) => b.count >= 0.95 * total)?.le ?? deltas.at(-2)?.le
  return bound == null ? null : bound * 1000
}

export function toSample(previous: Stats | null, current: Stats): Sample {
  const time = new Date(current.at).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const base = { time, online: current.onlineUsers, connections: current.liveConnections }
  const requests = previous ? current.http.requests - previous.http.requests : 0
  if (!previous || requests <= 0) return { ...base, requests: 0, avgMs: null, p95Ms: null, errorRate: null }
  const seconds = current.http.latencySumSeconds - previous.http.latencySumSeconds
  const errors = current.http.serverErrors - previous.http.serverErrors
  return {
    ...base,
    requests,
    avgMs: Math.round((seconds / requests) * 10_000) / 10,
    p95Ms: p95(previous.http.buckets, current.http.buckets),
    errorRate: Math.round((errors / requests) * 1000) / 10,
  }
}
