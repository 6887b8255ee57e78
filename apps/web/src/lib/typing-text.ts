/** "Mina is typing…", "Mina and Jun are typing…", "3 people are typing…". */
export function typingText(names: readonly string[]) {
  if (names.length === 0) return ''
  if (names.length === 1) return `${names[0]} is typing…`
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`
  return `${names.length} people are typing…`
}
