import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.ts'

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, with half of each delay random', () => {
    const low = () => 0
    const high = () => 0.999999
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, { baseMs: 100, maxMs: 1000 }, low))).toEqual([
      50, 100, 200, 400,
    ])
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, { baseMs: 100, maxMs: 1000 }, high))).toEqual([
      100, 200, 400, 800,
    ])
    expect(backoffDelay(10, { baseMs: 100, maxMs: 1000 }, high)).toBe(1000)
    expect(backoffDelay(10, { baseMs: 100, maxMs: 1000 }, low)).toBe(500)
  })

  it('spreads clients reconnecting at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3)))
    expect(delays.size).toBeGreaterThan(10)
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2000)
  })
})
