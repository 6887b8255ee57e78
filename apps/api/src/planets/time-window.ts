// Planet chat hours: is chatting allowed right now, and when does that change? Pure — no I/O, no clock.
// Wall-clock schedules (DAILY, WEEKLY) are read in the planet's IANA time zone via Intl.DateTimeFormat;
// CUSTOM windows are absolute instants. Windows are half-open [start, end): open at start, closed at end.
import { type TimeRestrictionType, type TTimeRestriction, ZTimeRestriction } from '@connecto/shared'

export interface ChatAvailability {
  open: boolean
  /** When chat next opens; null when it is open now or will never open again. */
  nextOpenAt: Date | null
  /** When the current opening ends; null when closed or when it never closes. */
  closesAt: Date | null
}

export interface PlanetChatHours {
  type: TimeRestrictionType | null | undefined
  /** Planet.timeRestriction JSON; its own `type` field, if any, is overridden by `type`. */
  restriction: unknown
  /** IANA zone, e.g. 'Asia/Seoul'. */
  timeZone: string
}

const MINUTE = 60_000
const DAY = 86_400_000
/** How far ahead a wall-clock schedule is searched for the next opening. */
const SEARCH_AHEAD_MS = 8 * DAY

interface Interval {
  start: number
  end: number
}

/**
 * Throws a ZodError when the stored restriction does not match `type`, and a RangeError for an unknown
 * time zone (only checked for wall-clock schedules).
 */
export function chatAvailability(hours: PlanetChatHours, now: Date): ChatAvailability {
  if (!hours.type || hours.type === 'NONE') return { open: true, nextOpenAt: null, closesAt: null }
  const base = isRecord(hours.restriction) ? hours.restriction : {}
  const restriction = ZTimeRestriction.parse({ ...base, type: hours.type })
  const t = now.getTime()
  if (restriction.type === 'NONE') return { open: true, nextOpenAt: null, closesAt: null }
  if (restriction.type === 'CUSTOM') {
    const intervals = restriction.windows.map((w) => ({ start: Date.parse(w.start), end: Date.parse(w.end) }))
    return fromIntervals(merge(intervals), t, Number.POSITIVE_INFINITY)
  }
  return fromIntervals(merge(wallClockIntervals(restriction, hours.timeZone, t)), t, t + SEARCH_AHEAD_MS)
}

function fromIntervals(merged: Interval[], t: number, searchUntil: number): ChatAvailability {
  for (const iv of merged) {
    if (iv.end <= t) continue
    if (iv.start <= t) {
      // A chain of back-to-back windows running past the search horizon covers a whole week: always open.
      return { open: true, nextOpenAt: null, closesAt: iv.end > searchUntil ? null : new Date(iv.end) }
    }
    return { open: false, nextOpenAt: iv.start <= searchUntil ? new Date(iv.start) : null, closesAt: null }
  }
  return { open: false, nextOpenAt: null, closesAt: null }
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((iv) => iv.end > iv.start).sort((a, b) => a.start - b.start)
  const out: Interval[] = []
  for (const iv of sorted) {
    const last = out[out.length - 1]
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end)
    else out.push({ ...iv })
  }
  return out
}

type WallClockRestriction = Extract<TTimeRestriction, { type: 'DAILY' | 'WEEKLY' }>

/** Every window starting on a local day from two days before `t` to ten days after, as UTC instants. */
function wallClockIntervals(restriction: WallClockRestriction, timeZone: string, t: number): Interval[] {
  const windows =
    restriction.type === 'DAILY'
      ? [
          {
            daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
            startTime: restriction.startTime,
            endTime: restriction.endTime,
          },
        ]
      : restriction.windows
  const today = wallClock(timeZone, t)
  const out: Interval[] = []
  for (let offset = -2; offset <= 10; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset))
    const weekday = day.getUTCDay()
    for (const w of windows) {
      if (!w.daysOfWeek.includes(weekday)) continue
      const start = parseTime(w.startTime)
      const end = parseTime(w.endTime)
      const endDay = end <= start ? new Date(day.getTime() + DAY) : day
      out.push({
        start: zonedTimeToUtc(timeZone, ymd(day), start),
        end: zonedTimeToUtc(timeZone, ymd(endDay), end),
      })
    }
  }
  return out
}

export interface LocalDate {
  year: number
  /** 1–12 */
  month: number
  day: number
}

/**
 * The UTC instant (epoch ms) at which the wall clock in `timeZone` reads `date` + `minutesOfDay`.
 * A local time skipped by a DST gap resolves to the first valid instant after it (the transition itself);
 * a local time repeated by a DST overlap resolves to the earlier instant.
 */
export function zonedTimeToUtc(timeZone: string, date: LocalDate, minutesOfDay: number): number {
  const local = Date.UTC(date.year, date.month - 1, date.day) + minutesOfDay * MINUTE
  // Offsets in force a day either side of the wall time bracket any single transition near it.
  const candidates = [...new Set([offsetAt(timeZone, local - DAY), offsetAt(timeZone, local + DAY)])]
  const valid = candidates
    .map((o) => local - o)
    .filter((instant) => offsetAt(timeZone, instant) === local - instant)
  if (valid.length > 0) return Math.min(...valid)
  // Gap: the clock jumps from `before` to `after` somewhere in (local - after, local - before].
  const before = offsetAt(timeZone, local - DAY)
  const after = offsetAt(timeZone, local + DAY)
  let lo = local - after
  let hi = local - before
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (offsetAt(timeZone, mid) === before) lo = mid
    else hi = mid
  }
  return hi
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

interface WallClock extends LocalDate {
  hour: number
  minute: number
  second: number
}

function wallClock(timeZone: string, instant: number): WallClock {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

/** Zone offset (local − UTC, in ms) in force at `instant`. */
function offsetAt(timeZone: string, instant: number): number {
  const c = wallClock(timeZone, instant)
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second)
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000))
}

function parseTime(hhmm: string): number {
  const [h, m] = hhmm.split(':')
  return Number(h) * 60 + Number(m)
}

function ymd(d: Date): LocalDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
