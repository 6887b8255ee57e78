import { describe, expect, it } from 'vitest'
import { firstUnreadId, mergeMessages, sortedMessages, timelineRows } from './timeline'

type M = {
  id: string
  senderId: string | null
  createdAt: string
  clientMessageId: string | null
  type?: string
  text?: string
}

const msg = (id: string, createdAt: string, senderId: string | null = 'ann', extra: Partial<M> = {}): M => ({
  id,
  senderId,
  createdAt,
  clientMessageId: null,
  ...extra,
})

describe('mergeMessages and sortedMessages', () => {
  it('keeps one copy per id, the later view winning, ordered by time then id', () => {
    const first = mergeMessages(new Map(), [
      msg('b', '2026-11-23T10:00:00.000Z'),
      msg('a', '2026-11-23T10:00:00.000Z'),
    ])
    const merged = mergeMessages(first, [
      msg('c', '2026-11-23T09:00:00.000Z'),
      msg('b', '2026-11-23T10:00:00.000Z', 'ann', { text: 'edited' }),
    ])
    expect(sortedMessages(merged).map((m) => m.id)).toEqual(['c', 'a', 'b'])
    expect(merged.get('b')?.text).toBe('edited')
  })

  it('returns the same map when there is nothing to merge', () => {
    const map = new Map([['a', msg('a', '2026-11-23T10:00:00.000Z')]])
    expect(mergeMessages(map, [])).toBe(map)
  })
})

describe('timelineRows', () => {
  const now = new Date('2026-11-23T12:00:00')
  const local = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).toISOString()

  it('puts a day separator before each new local day, labelled today and yesterday', () => {
    const rows = timelineRows([msg('a', local(22, 9)), msg('b', local(23, 9))], { now, unreadFromId: null })
    expect(rows.map((r) => (r.kind === 'day' ? r.label : r.kind === 'message' ? r.key : r.kind))).toEqual([
      'Yesterday',
      'a',
      'Today',
      'b',
    ])
  })

  it('groups a sender’s messages within five minutes and starts a group otherwise', () => {
    const rows = timelineRows(
      [
        msg('a', local(23, 9)),
        msg('b', local(23, 9, 3)),
        msg('c', local(23, 9, 20)),
        msg('d', local(23, 9, 21), 'bo'),
      ],
      { now, unreadFromId: null },
    ).filter((r) => r.kind === 'message')
    expect(rows.map((r) => r.kind === 'message' && r.startsGroup)).toEqual([true, false, true, true])
  })

  it('places the unread divider before the first unread message and starts a group there', () => {
    const rows = timelineRows([msg('a', local(23, 9)), msg('b', local(23, 9, 1))], { now, unreadFromId: 'b' })
    expect(rows.map((r) => r.kind)).toEqual(['day', 'message', 'unread', 'message'])
    const last = rows.at(-1)
    expect(last?.kind === 'message' && last.startsGroup).toBe(true)
  })
})

describe('firstUnreadId', () => {
  const messages = [
    msg('a', '2026-11-23T09:00:00.000Z', 'bo'),
    msg('b', '2026-11-23T09:01:00.000Z', 'me'),
    msg('c', '2026-11-23T09:02:00.000Z', 'bo'),
    msg('s', '2026-11-23T09:02:30.000Z', null, { type: 'SYSTEM' }),
    msg('d', '2026-11-23T09:03:00.000Z', 'bo'),
  ]

  it('counts back over other people’s messages only', () => {
    expect(firstUnreadId(messages, 2, 'me')).toBe('c')
    expect(firstUnreadId(messages, 1, 'me')).toBe('d')
  })

  it('is null with nothing unread and the oldest loaded one when more are unread than loaded', () => {
    expect(firstUnreadId(messages, 0, 'me')).toBeNull()
    expect(firstUnreadId(messages, 10, 'me')).toBe('a')
  })
})
