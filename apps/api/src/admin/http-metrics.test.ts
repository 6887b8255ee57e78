import { Histogram, Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { quantileFromBuckets, summarizeHttp } from './http-metrics.ts'

function histogram() {
  return new Histogram({
    name: 'test_http_seconds',
    help: 'test',
    labelNames: ['route', 'status'] as const,
    buckets: [0.01, 0.1, 1],
    registers: [new Registry()],
  })
}

describe('summarizeHttp', () => {
  it('adds up requests, 5xx and buckets across routes and statuses', async () => {
    const h = histogram()
    h.observe({ route: 'trpc', status: '200' }, 0.005)
    h.observe({ route: 'trpc', status: '200' }, 0.05)
    h.observe({ route: '/health', status: '200' }, 0.5)
    h.observe({ route: 'trpc', status: '500' }, 2)
    const totals = summarizeHttp((await h.get()).values)
    expect(totals.requests).toBe(4)
    expect(totals.serverErrors).toBe(1)
    expect(totals.latencySumSeconds).toBeCloseTo(2.555)
    expect(totals.buckets).toEqual([
      { le: 0.01, count: 1 },
      { le: 0.1, count: 2 },
      { le: 1, count: 3 },
      { le: Number.POSITIVE_INFINITY, count: 4 },
    ])
    expect(quantileFromBuckets(totals.buckets, 0.5)).toBe(0.1)
    expect(quantileFromBuckets(totals.buckets, 0.75)).toBe(1)
  })

  it('has no quantile without requests', async () => {
    const totals = summarizeHttp((await histogram().get()).values)
    expect(totals).toMatchObject({ requests: 0, serverErrors: 0 })
    expect(quantileFromBuckets(totals.buckets, 0.95)).toBeNull()
  })
})
