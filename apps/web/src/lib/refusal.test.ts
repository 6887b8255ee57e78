import { TRPCClientError } from '@trpc/client'
import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import en from '../messages/en.json'
import ko from '../messages/ko.json'
import { describeRefusal as describeWith, isNetworkFailure } from './refusal'

const english = { t: createTranslator({ locale: 'en', messages: en, namespace: 'refusal' }), locale: 'en' }
const describeRefusal = (error: unknown) => describeWith(error, english)

const refusal = (code: string, message: string) =>
  new TRPCClientError(message, { result: { error: { message, code: 0, data: { app: { code, message } } } } })

describe('describeRefusal', () => {
  it('names the local time a mute ends', () => {
    const { code, text } = describeRefusal(
      refusal('PLT003', 'You are muted in this planet until 2026-11-23T18:30:00.000Z.'),
    )
    expect(code).toBe('PLT003')
    expect(text).toMatch(/^You are muted here until .+\.$/)
    expect(text).not.toContain('2026-11-23T18:30')
  })

  it('says when chat hours open next, or that they do not', () => {
    expect(
      describeRefusal(refusal('PLT004', 'Chat is closed now. It opens at 2026-11-24T00:00:00.000Z.')).text,
    ).toMatch(/^Outside chat hours\. The next window opens at .+\.$/)
    expect(describeRefusal(refusal('PLT004', 'Chat is closed now. It does not open again.')).text).toBe(
      'Outside chat hours. This chat does not open again.',
    )
  })

  it('words bans and read-only announcements plainly and passes other messages through', () => {
    expect(describeRefusal(refusal('TRV008', 'You are banned from this travel.')).text).toBe(
      'You are banned from this travel.',
    )
    expect(describeRefusal(refusal('PLT005', 'Only hosts and moderators can post announcements.')).text).toBe(
      'Announcements are read-only: only the host and moderators post here.',
    )
    expect(describeRefusal(refusal('FILE001', 'Image files can be at most 10 MB.')).text).toBe(
      'Image files can be at most 10 MB.',
    )
  })

  it('treats an error without an app code as the network', () => {
    const error = new TypeError('Failed to fetch')
    expect(isNetworkFailure(error)).toBe(true)
    expect(describeRefusal(error).code).toBeNull()
    expect(isNetworkFailure(refusal('MSG004', 'You are sending messages too fast.'))).toBe(false)
  })

  it('speaks Korean, with the catalogue sentence for codes the api words in English', () => {
    const errors = createTranslator({ locale: 'ko', messages: ko, namespace: 'errors' })
    const korean = {
      t: createTranslator({ locale: 'ko', messages: ko, namespace: 'refusal' }),
      codeText: (code: string) => (errors.has(code as never) ? errors(code as never) : null),
      locale: 'ko',
    }
    expect(describeWith(refusal('TRV008', 'You are banned from this travel.'), korean).text).toBe(
      '이 여행에서 차단되었어요.',
    )
    expect(describeWith(refusal('TRV004', 'The invite code is not valid.'), korean).text).toBe(
      '초대 코드가 올바르지 않아요.',
    )
    expect(describeWith(refusal('FILE001', 'Image files can be at most 10 MB.'), korean).text).toBe(
      '파일이 너무 커요.',
    )
    expect(
      describeWith(refusal('PLT003', 'You are muted in this planet until 2026-11-23T18:30:00.000Z.'), korean)
        .text,
    ).toMatch(/까지 이 플래닛에서 채팅이 제한되었어요\.$/)
  })
})
