// `@nickname` mentions: the names a text mentions, lower-cased; the service resolves them to the user
// ids of that planet's active members (nicknames are not unique, so one name may mention several).
import { LIMITS } from '@connecto/shared'

const MENTION = /(?:^|[^\p{L}\p{N}_@])@([\p{L}\p{N}_][\p{L}\p{N}_.-]*)/gu

export function mentionedNicknames(text: string | undefined): string[] {
  if (!text?.includes('@')) return []
  const names = new Set<string>()
  for (const match of text.matchAll(MENTION)) {
    // A sentence may end right after a name: "thanks @mina."
    const name = (match[1] ?? '').replace(/[.-]+$/, '').toLowerCase()
    if (name && name.length <= LIMITS.nicknameMax) names.add(name)
  }
  return [...names]
}
