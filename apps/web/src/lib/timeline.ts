// Pure helpers for a planet's timeline: messages from history pages and live events merged by id,
// shown oldest first with day separators.

/** The fields the timeline needs; api views carry more, kept as they are. */
export type TimelineMessage = {
  id: string
  senderId: string | null
  createdAt: string
  clientMessageId: string | null
}

export type MessageMap<M extends TimelineMessage> = ReadonlyMap<string, M>

/** Adds or replaces messages; a later view of the same id (edited, deleted) wins. */
export function mergeMessages<M extends TimelineMessage>(
  map: MessageMap<M>,
  messages: readonly M[],
): MessageMap<M> {
  if (messages.length === 0) return map
  const next = new Map(map)
  for (const message of messages) next.set(message.id, message)
  return next
}

const byTime = (a: TimelineMessage, b: TimelineMessage) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export function sortedMessages<M extends TimelineMessage>(map: MessageMap<M>): M[] {
  return [...map.values()].sort(byTime)
}

export type TimelineRow<M> =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'unread'; key: string }
  | { kind: 'message'; key: string; message: M; startsGroup: boolean }

const GROUP_GAP_MS = 5 * 60_000

const dayKey = (iso: string) => {
  const d = new Date(iso)
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
}

/** How day separators read: the words for today and yesterday, and the locale for other dates. */
export type DayWords = { today: string; yesterday: string; locale?: string }

const ENGLISH_DAYS: DayWords = { today: 'Today', yesterday: 'Yesterday', locale: 'en' }
const DAY_LABEL_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }

function dayLabel(iso: string, now: Date, words: DayWords) {
  const key = dayKey(iso)
  if (key === dayKey(now.toISOString())) return words.today
  const yesterday = new Date(now)
  yesterday.setDate(now.getDate() - 1)
  if (key === dayKey(yesterday.toISOString())) return words.yesterday
  return new Intl.DateTimeFormat(words.locale, DAY_LABEL_OPTIONS).format(new Date(iso))
}

/**
 * Rows to render: a separator at each new local day, an "unread" divider before `unreadFromId` (the
 * first message the viewer had not read when they opened the chat), and whether each message starts a
 * sender group.
 */
export function timelineRows<M extends TimelineMessage>(
  messages: readonly M[],
  opts: { now: Date; unreadFromId: string | null; days?: DayWords },
): TimelineRow<M>[] {
  const rows: TimelineRow<M>[] = []
  let previous: M | null = null
  let unreadPlaced = false
  for (const message of messages) {
    const newDay = !previous || dayKey(previous.createdAt) !== dayKey(message.createdAt)
    if (newDay)
      rows.push({
        kind: 'day',
        key: `day-${dayKey(message.createdAt)}`,
        label: dayLabel(message.createdAt, opts.now, opts.days ?? ENGLISH_DAYS),
      })
    let unreadHere = false
    if (!unreadPlaced && message.id === opts.unreadFromId) {
      rows.push({ kind: 'unread', key: 'unread' })
      unreadPlaced = true
      unreadHere = true
    }
    const startsGroup =
      newDay ||
      unreadHere ||
      !previous ||
      previous.senderId !== message.senderId ||
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) > GROUP_GAP_MS
    rows.push({ kind: 'message', key: message.id, message, startsGroup })
    previous = message
  }
  return rows
}

/**
 * The first unread message, from the viewer's unread count when they opened the chat: the count-th
 * newest message someone else sent. Null when nothing is unread.
 */
export function firstUnreadId<M extends TimelineMessage & { type?: string }>(
  messages: readonly M[],
  unread: number,
  viewerId: string,
): string | null {
  if (unread <= 0) return null
  const others = messages.filter((m) => m.senderId !== viewerId && m.type !== 'SYSTEM')
  return (others[Math.max(0, others.length - unread)] ?? null)?.id ?? null
}
