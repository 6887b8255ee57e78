import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import en from '../messages/en.json'
import ko from '../messages/ko.json'
import { typingText } from './typing-text'

describe('typingText', () => {
  it('names one or two typers and counts more', () => {
    const t = createTranslator({ locale: 'en', messages: en, namespace: 'chat' })
    expect(typingText([], t)).toBe('')
    expect(typingText(['Mina'], t)).toBe('Mina is typing…')
    expect(typingText(['Mina', 'Jun'], t)).toBe('Mina and Jun are typing…')
    expect(typingText(['Mina', 'Jun', 'Sora'], t)).toBe('3 people are typing…')
  })

  it('speaks Korean from the Korean catalogue', () => {
    const t = createTranslator({ locale: 'ko', messages: ko, namespace: 'chat' })
    expect(typingText(['민아'], t)).toBe('민아님이 입력 중…')
    expect(typingText(['민아', '준', '소라'], t)).toBe('3명이 입력 중…')
  })
})
