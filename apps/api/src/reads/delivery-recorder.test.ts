import { describe, expect, it } from 'vitest'
import { type Pending, statusMarks } from './delivery-recorder.ts'

const mark = (userId: string, messageId: string, createdAt: string): Pending => ({
  planetId: 'p1',
  userId,
  messageId,
  createdAt,
})

describe('statusMarks', () => {
  it('signals nothing when no watermark moved', () => {
    expect(statusMarks([])).toEqual([])
  })

  it('keeps the newest mark and the newest by anyone else, so the newest reader’s own messages stay covered', () => {
    const a = mark('ann', 'm3', '2026-01-01T00:00:03.000Z')
    const b = mark('bob', 'm2', '2026-01-01T00:00:02.000Z')
    const c = mark('cat', 'm1', '2026-01-01T00:00:01.000Z')
    expect(statusMarks([c, a, b])).toEqual([a, b])
  })

  it('breaks a createdAt tie by message id, as the watermark order does', () => {
    const a = mark('ann', 'm1', '2026-01-01T00:00:01.000Z')
    const b = mark('bob', 'm2', '2026-01-01T00:00:01.000Z')
    expect(statusMarks([a, b])).toEqual([b, a])
  })

  it('sends a single signal when only one member’s watermark moved', () => {
    const a = mark('ann', 'm1', '2026-01-01T00:00:01.000Z')
    expect(statusMarks([a])).toEqual([a])
  })
})
