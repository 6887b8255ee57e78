import { describe, expect, it } from 'vitest'
import { mentionedNicknames } from './mentions.ts'

describe('mentionedNicknames', () => {
  it('finds each @name once, lower-cased, without trailing punctuation', () => {
    expect(mentionedNicknames('@Mina and @jun. see @mina, @하늘_1!')).toEqual(['mina', 'jun', '하늘_1'])
  })

  it('ignores e-mail addresses, bare @ and text without mentions', () => {
    expect(mentionedNicknames('write to mina@example.com @ noon')).toEqual([])
    expect(mentionedNicknames('no mentions here')).toEqual([])
    expect(mentionedNicknames(undefined)).toEqual([])
  })
})
