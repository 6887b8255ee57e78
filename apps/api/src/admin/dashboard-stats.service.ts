// The dashboard's figures from the running api: who is online and connected now, who was active over
// the last 24 hours, messages per minute, HTTP totals for latency and error rate, and the job queues.
// Database figures cover every node; sockets and HTTP totals are this node's (a load balancer spreads
// the admin app's polls, so each reading is one node's view — the dashboard labels them so).
import type { Runtime } from '../runtime.ts'
import { readHttpTotals } from './http-metrics.ts'

const MINUTES = 30
const HOURS = 24

/** Users online on any node: Redis presence keys when shared, this node's sockets otherwise. */
async function countOnlineUsers(rt: Runtime) {
  if (!rt.redis || rt.presence.kind !== 'redis') return rt.live.userCount
  let cursor = '0'
  let count = 0
  do {
    const [next, keys] = await rt.redis.scan(cursor, 'MATCH', 'presence:*', 'COUNT', 1000)
    cursor = next
    count += keys.length
  } while (cursor !== '0')
  return count
}

type Bucket = { bucket: Date; count: bigint | number }

async function messagesPerMinute(rt: Runtime, now: Date) {
  const rows = await rt.db.$queryRaw<Bucket[]>`
    SELECT series.bucket, COUNT(m.id) AS count
    FROM generate_series(
      date_trunc('minute', ${now}::timestamptz) - make_interval(mins => ${MINUTES - 1}),
      date_trunc('minute', ${now}::timestamptz),
      interval '1 minute'
    ) AS series(bucket)
    LEFT JOIN messages m
      ON m.created_at >= series.bucket AND m.created_at < series.bucket + interval '1 minute'
    GROUP BY series.bucket
    ORDER BY series.bucket`
  return rows.map((r) => ({ at: r.bucket, count: Number(r.count) }))
}

/** Distinct users per hour who sent a message or signed in (a session created or rotated). */
async function activeUsersByHour(rt: Runtime, now: Date) {
  const rows = await rt.db.$queryRaw<Bucket[]>`
    WITH activity AS (
      SELECT sender_id AS user_id, created_at AS at FROM messages
        WHERE sender_id IS NOT NULL AND created_at > ${now}::timestamptz - interval '25 hours'
      UNION ALL
      SELECT user_id, COALESCE(rotated_at, created_at) FROM sessions
        WHERE COALESCE(rotated_at, created_at) > ${now}::timestamptz - interval '25 hours'
    )
    SELECT series.bucket, COUNT(DISTINCT a.user_id) AS count
    FROM generate_series(
      date_trunc('hour', ${now}::timestamptz) - make_interval(hours => ${HOURS - 1}),
      date_trunc('hour', ${now}::timestamptz),
      interval '1 hour'
    ) AS series(bucket)
    LEFT JOIN activity a ON a.at >= series.bucket AND a.at < series.bucket + interval '1 hour'
    GROUP BY series.bucket
    ORDER BY series.bucket`
  return rows.map((r) => ({ at: r.bucket, count: Number(r.count) }))
}

async function countActiveUsers24h(rt: Runtime, now: Date) {
  const [row] = await rt.db.$queryRaw<{ count: bigint }[]>`
    SELECT COUNT(*) AS count FROM (
      SELECT sender_id AS user_id FROM messages
        WHERE sender_id IS NOT NULL AND created_at > ${now}::timestamptz - interval '24 hours'
      UNION
      SELECT user_id FROM sessions WHERE COALESCE(rotated_at, created_at) > ${now}::timestamptz - interval '24 hours'
      UNION
      SELECT id FROM users WHERE last_seen_at > ${now}::timestamptz - interval '24 hours'
    ) AS active`
  return Number(row?.count ?? 0)
}

async function readQueues(rt: Runtime) {
  try {
    const [counts, deadLetters] = await Promise.all([rt.jobs.counts(), rt.jobs.deadLetters(10)])
    const queues = Object.entries(counts).map(([name, c]) => ({ name, ...c }))
    return { kind: rt.jobs.kind, error: null, queues, deadLetters }
  } catch (err) {
    return { kind: rt.jobs.kind, error: (err as Error).message, queues: [], deadLetters: [] }
  }
}

export async function getDashboardStats(rt: Runtime) {
  const now = rt.clock.now()
  const [onlineUsers, activeUsers24h, hourly, perMinute, http, queues] = await Promise.all([
    countOnlineUsers(rt),
    countActiveUsers24h(rt, now),
    activeUsersByHour(rt, now),
    messagesPerMinute(rt, now),
    readHttpTotals(rt.metrics),
    readQueues(rt),
  ])
  return {
    at: now,
    onlineUsers,
    liveConnections: rt.live.size,
    activeUsers24h,
    activeUsersByHour: hourly,
    messagesPerMinute: perMinute,
    http,
    queues,
  }
}
