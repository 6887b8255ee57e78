import { describe, expect, it } from 'vitest'
import { typingText } from './typing-text'

describe('typingText', () => {
  it('names one or two typers and counts more', () => {
    expect(typingText([])).toBe('')
    expect(typingText(['Mina'])).toBe('Mina is typing…')
    expect(typingText(['Mina', 'Jun'])).toBe('Mina and Jun are typing…')
    expect(typingText(['Mina', 'Jun', 'Sora'])).toBe('3 people are typing…')
  })
})
