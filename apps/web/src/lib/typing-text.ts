/** The catalogue's `chat.typing` plural: "Mina is typing…", "Mina and Jun are typing…", "3 people are typing…". */
export type TypingWords = (key: 'typing', values: { count: number; first: string; second: string }) => string

export function typingText(names: readonly string[], t: TypingWords) {
  if (names.length === 0) return ''
  return t('typing', { count: names.length, first: names[0] ?? '', second: names[1] ?? '' })
}
