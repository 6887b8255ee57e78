// Who gets what from a batch of messages, decided without I/O.
import { describe, expect, it } from 'vitest'
import { decideRecipients, type FanOutMember, type FanOutMessage } from './message-fan-out.ts'

const now = new Date('2026-06-01T12:00:00Z')
const message = (id: string, over: Partial<FanOutMessage> = {}): FanOutMessage => ({
  id,
  senderId: 'host',
  senderName: 'Hana',
  senderStaff: true,
  content: 'hi',
  type: 'TEXT',
  mentions: [],
  replyToSenderId: null,
  planetId: 'p',
  planetName: 'General',
  planetType: 'GROUP',
  travelId: 't',
  ...over,
})
const member = (userId: string, over: Partial<FanOutMember> = {}): FanOutMember => ({
  planetId: 'p',
  userId,
  notificationsMuted: false,
  notificationsMutedUntil: null,
  mentionsOnly: false,
  hasDevice: false,
  reached: false,
  ...over,
})
const decide = (
  messages: FanOutMessage[],
  members: FanOutMember[],
  online: string[] = [],
  broadcasts: string[] = [],
) =>
  decideRecipients({ messages, members, online: new Set(online), broadcasts: new Set(broadcasts), now }).map(
    (r) => [r.message.id, r.userId, r.type],
  )

describe('decideRecipients', () => {
  it('types each message per member, never for its sender, in message order', () => {
    const members = [member('host'), member('a'), member('b')]
    expect(
      decide(
        [message('m1', { mentions: ['a'] }), message('m2', { senderId: 'a', replyToSenderId: 'b' })],
        members,
      ),
    ).toEqual([
      ['m1', 'a', 'MENTION'],
      ['m1', 'b', 'MESSAGE'],
      ['m2', 'host', 'MESSAGE'],
      ['m2', 'b', 'REPLY'],
    ])
  })

  it('leaves out ordinary messages for members looking at the planet, not what is aimed at them', () => {
    const members = [member('a'), member('b')]
    const decided = decideRecipients({
      messages: [message('m1'), message('m2', { mentions: ['a'] })],
      members,
      online: new Set(),
      looking: new Set(['a']),
      broadcasts: new Set(),
      now,
    }).map((r) => [r.message.id, r.userId, r.type])
    expect(decided).toEqual([
      ['m1', 'b', 'MESSAGE'],
      ['m2', 'a', 'MENTION'],
      ['m2', 'b', 'MESSAGE'],
    ])
  })

  it('counts @all / @here only for the claimed broadcasts; @here reaches the members online', () => {
    const members = [member('a'), member('b')]
    expect(decide([message('m1', { content: '@here bus' })], members, ['a'], ['m1'])).toEqual([
      ['m1', 'a', 'MENTION'],
      ['m1', 'b', 'MESSAGE'],
    ])
    expect(decide([message('m1', { content: '@all bus' })], members, [], [])).toEqual([
      ['m1', 'a', 'MESSAGE'],
      ['m1', 'b', 'MESSAGE'],
    ])
  })

  it('holds back muted members, plain messages in mentions-only mode, and members already reached', () => {
    const members = [
      member('muted', {
        notificationsMuted: true,
        notificationsMutedUntil: new Date('2026-06-01T13:00:00Z'),
      }),
      member('unmuted', {
        notificationsMuted: true,
        notificationsMutedUntil: new Date('2026-06-01T11:00:00Z'),
      }),
      member('quiet', { mentionsOnly: true }),
      member('done', { reached: true }),
    ]
    expect(
      decide([message('m1'), message('m2', { mentions: ['quiet'], planetType: 'ANNOUNCEMENT' })], members),
    ).toEqual([
      ['m1', 'unmuted', 'MESSAGE'],
      ['m2', 'unmuted', 'ANNOUNCEMENT'],
      ['m2', 'quiet', 'MENTION'],
    ])
  })
})
