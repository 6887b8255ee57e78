import { describe, expect, it } from 'vitest'
import { ZEditMessageInput, ZReactionInput, ZSendMessageInput } from './message.ts'

const send = (input: Record<string, unknown>) =>
  ZSendMessageInput.safeParse({ planetId: 'p', clientMessageId: 'client-1', ...input })

describe('ZSendMessageInput', () => {
  it('defaults to TEXT, trims, keeps tabs and line breaks, refuses other control characters', () => {
    expect(send({ content: '  hi\tthere\n ' }).data).toMatchObject({ type: 'TEXT', content: 'hi\tthere' })
    expect(send({ content: 'nul \u0000' }).success).toBe(false)
    expect(send({ content: 'c1 \u0085' }).success).toBe(false)
  })

  it('takes a LOCATION with coordinates in range, and no SYSTEM from clients', () => {
    expect(send({ type: 'LOCATION', location: { lat: -90, lng: 180 } }).success).toBe(true)
    expect(send({ type: 'LOCATION', location: { lat: -90.1, lng: 0 } }).error?.issues[0]?.path).toEqual([
      'location',
      'lat',
    ])
    expect(send({ type: 'LOCATION' }).error?.issues[0]?.path).toEqual(['location'])
    expect(send({ type: 'SYSTEM', content: 'x' }).success).toBe(false)
  })

  it('bounds edits like sends', () => {
    expect(ZEditMessageInput.safeParse({ messageId: 'm', content: ' ' }).success).toBe(false)
  })
})

describe('ZReactionInput', () => {
  it('takes single and composed emoji, nothing else', () => {
    for (const emoji of ['👍', '❤️', '👩‍👩‍👧', '🇰🇷', '1️⃣', '👍🏽']) {
      expect(ZReactionInput.safeParse({ messageId: 'm', emoji }).success, emoji).toBe(true)
    }
    for (const emoji of ['', 'a', '1', '#', '👍 ok', '<b>']) {
      expect(ZReactionInput.safeParse({ messageId: 'm', emoji }).success, emoji).toBe(false)
    }
  })
})
