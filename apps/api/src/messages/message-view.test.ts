import { describe, expect, it } from 'vitest'
import { groupReactions, toMessageView, toReplyPreview } from './message-view.ts'

const base = {
  id: 'm1',
  planetId: 'p1',
  senderId: 'u1',
  type: 'TEXT',
  content: 'hello @mina',
  metadata: null,
  replyToId: null,
  clientMessageId: 'client-1',
  createdAt: new Date('2026-05-01T10:00:00Z'),
  editedAt: null,
  deletedAt: null,
  mentions: ['u2'],
}

describe('toMessageView', () => {
  it('hides content, metadata and mentions of a deleted message but keeps its place', () => {
    const view = toMessageView({
      ...base,
      type: 'LOCATION',
      metadata: { lat: 1, lng: 2 },
      deletedAt: new Date('2026-05-01T10:05:00Z'),
      deletedById: 'u1',
    })
    expect(view).toMatchObject({
      id: 'm1',
      content: null,
      metadata: null,
      mentions: [],
      deleted: true,
      deletedById: 'u1',
      deletedAt: '2026-05-01T10:05:00.000Z',
    })
  })

  it('marks edited messages', () => {
    expect(toMessageView({ ...base, editedAt: new Date('2026-05-01T10:01:00Z') })).toMatchObject({
      edited: true,
      editedAt: '2026-05-01T10:01:00.000Z',
    })
  })
})

describe('toReplyPreview', () => {
  it('cuts long text by characters, not UTF-16 units, and drops the excerpt of a deleted original', () => {
    const emoji = '🌊'.repeat(200)
    const preview = toReplyPreview({
      id: 'm0',
      senderId: 'u3',
      type: 'TEXT',
      content: emoji,
      deletedAt: null,
    })
    expect([...(preview.excerpt ?? '')]).toHaveLength(120)
    expect(preview.excerpt?.endsWith('🌊…')).toBe(true)
    expect(
      toReplyPreview({ id: 'm0', senderId: 'u3', type: 'TEXT', content: 'x', deletedAt: new Date() }),
    ).toMatchObject({ excerpt: null, deleted: true })
  })
})

describe('groupReactions', () => {
  it('groups by emoji in first-reacted order, listing who reacted', () => {
    expect(
      groupReactions([
        { emoji: '👍', userId: 'a' },
        { emoji: '🔥', userId: 'b' },
        { emoji: '👍', userId: 'c' },
      ]),
    ).toEqual([
      { emoji: '👍', count: 2, userIds: ['a', 'c'] },
      { emoji: '🔥', count: 1, userIds: ['b'] },
    ])
  })
})
