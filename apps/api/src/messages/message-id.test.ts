import { describe, expect, it } from 'vitest'
import { newRowId } from './message-id.ts'

describe('row ids', () => {
  it('have the shape of a cuid, sort by creation time and do not repeat', () => {
    const earlier = newRowId(new Date('2026-01-01T00:00:00Z'))
    const ids = Array.from({ length: 20_000 }, () => newRowId(new Date('2026-06-01T00:00:00Z')))
    for (const id of [earlier, ...ids.slice(0, 100)]) expect(id).toMatch(/^c[0-9a-z]{24}$/)
    expect(ids.every((id) => id > earlier)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    // The random part uses every digit, not a few.
    expect(new Set(ids.flatMap((id) => [...id.slice(13)])).size).toBe(36)
  })
})
