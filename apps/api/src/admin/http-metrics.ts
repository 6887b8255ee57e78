// Reads the api's own HTTP histogram (prom-client) into totals the dashboard turns into live rates:
// it polls, and the difference between two readings is the latency and error rate of that interval.
import type { Metrics } from '../observability/metrics.ts'

export type HttpTotals = {
  requests: number
  serverErrors: number
  latencySumSeconds: number
  /** Cumulative request counts at each bucket's upper bound in seconds, ascending; the last is +Inf. */
  buckets: { le: number; count: number }[]
}

type MetricValue = { value: number; labels: Record<string, string | number | undefined>; metricName?: string }

export function summarizeHttp(values: readonly MetricValue[]): HttpTotals {
  const buckets = new Map<number, number>()
  let requests = 0
  let serverErrors = 0
  let latencySumSeconds = 0
  for (const v of values) {
    if (v.metricName?.endsWith('_bucket')) {
      const le = v.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(v.labels.le)
      buckets.set(le, (buckets.get(le) ?? 0) + v.value)
    } else if (v.metricName?.endsWith('_count')) {
      requests += v.value
      if (Number(v.labels.status) >= 500) serverErrors += v.value
    } else if (v.metricName?.endsWith('_sum')) latencySumSeconds += v.value
  }
  return {
    requests,
    serverErrors,
    latencySumSeconds,
    buckets: [...buckets.entries()].sort(([a], [b]) => a - b).map(([le, count]) => ({ le, count })),
  }
}

/** The upper bound of the bucket holding the q-quantile request; null without requests. */
export function quantileFromBuckets(buckets: HttpTotals['buckets'], q: number): number | null {
  const total = buckets.at(-1)?.count ?? 0
  if (total === 0) return null
  const rank = q * total
  return buckets.find((b) => b.count >= rank)?.le ?? null
}

export async function readHttpTotals(metrics: Metrics): Promise<HttpTotals> {
  const data = await metrics.httpRequests.get()
  return summarizeHttp(data.values as MetricValue[])
}
