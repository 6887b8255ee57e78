import { describe, expect, it } from 'vitest'
import { NaturalBatcher } from './natural-batcher.ts'

const tick = () => new Promise((r) => setTimeout(r, 5))

describe('NaturalBatcher', () => {
  it('runs the calls of one turn together, and calls that arrive while a batch runs in the next one', async () => {
    const batches: number[][] = []
    const batcher = new NaturalBatcher<number, number>(
      async (items) => {
        batches.push(items)
        await tick()
        return items.map((i) => i * 10)
      },
      { maxInFlight: 1, maxBatch: 100 },
    )
    expect(await batcher.submit(1)).toBe(10)
    const results = await Promise.all([2, 3, 4, 5].map((i) => batcher.submit(i)))
    expect(results).toEqual([20, 30, 40, 50])
    const late = batcher.submit(6)
    await new Promise((r) => setTimeout(r, 1))
    const later = [7, 8].map((i) => batcher.submit(i))
    expect(await Promise.all([late, ...later])).toEqual([60, 70, 80])
    expect(batches).toEqual([[1], [2, 3, 4, 5], [6], [7, 8]])
  })

  it('keeps batches within maxBatch and maxInFlight', async () => {
    let running = 0
    let most = 0
    const sizes: number[] = []
    const batcher = new NaturalBatcher<number, number>(
      async (items) => {
        running++
        most = Math.max(most, running)
        sizes.push(items.length)
        await tick()
        running--
        return items
      },
      { maxInFlight: 2, maxBatch: 3 },
    )
    await Promise.all(Array.from({ length: 20 }, (_, i) => batcher.submit(i)))
    expect(most).toBe(2)
    expect(Math.max(...sizes)).toBe(3)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20)
  })

  it('when a batch fails, runs its calls alone so only the bad one fails', async () => {
    const batcher = new NaturalBatcher<number, number>(
      async (items) => {
        await tick()
        if (items.includes(13)) throw new Error('unlucky')
        return items
      },
      { maxInFlight: 1, maxBatch: 100 },
    )
    const first = batcher.submit(0)
    const rest = [12, 13, 14].map((i) => batcher.submit(i).then(String, (e: Error) => e.message))
    await first
    expect(await Promise.all(rest)).toEqual(['12', 'unlucky', '14'])
  })

  it('fails every call of a batch whose result count does not match', async () => {
    const batcher = new NaturalBatcher<number, number>(async () => [], { maxInFlight: 1, maxBatch: 10 })
    await expect(batcher.submit(1)).rejects.toThrow(/0 results for 1 items/)
  })
})
