import { describe, expect, it } from 'vitest'
import { atTurnEnd } from './turn-end.ts'

describe('atTurnEnd', () => {
  it('runs the work deferred in one turn together, in order, after the turn’s other callbacks', async () => {
    const order: string[] = []
    const results = [1, 2, 3].map((n) =>
      atTurnEnd(async () => {
        order.push(`work ${n}`)
        return n
      }),
    )
    setImmediate(() => order.push('immediate queued later'))
    queueMicrotask(() => order.push('microtask'))
    expect(order).toEqual([])
    expect(await Promise.all(results)).toEqual([1, 2, 3])
    await new Promise((resolve) => setImmediate(resolve))
    expect(order).toEqual(['microtask', 'work 1', 'work 2', 'work 3', 'immediate queued later'])
  })

  it('fails only the work that throws, even synchronously', async () => {
    const failing = atTurnEnd<number>(() => {
      throw new Error('boom')
    })
    const fine = atTurnEnd(async () => 'ok')
    await expect(failing).rejects.toThrow('boom')
    expect(await fine).toBe('ok')
  })
})
