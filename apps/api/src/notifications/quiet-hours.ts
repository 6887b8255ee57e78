// Quiet hours: a daily window in the user's own time zone, possibly wrapping past midnight, inside which
// nothing is pushed or mailed. Pure functions over minutes-after-local-midnight.

export type QuietHours = { timeZone: string; start: number; end: number }

const MINUTES_PER_DAY = 24 * 60

/** Minutes after local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return get('hour') * 60 + get('minute')
}

export function isInside(minute: number, start: number, end: number) {
  if (start === end) return false
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}

/**
 * When the quiet hours around `now` end, or null when `now` is outside them. Computed by adding the
 * local minutes still to go, so a DST change inside the window shifts the end by at most that hour.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours | null): Date | null {
  if (!quiet) return null
  const minute = localMinutes(now, quiet.timeZone)
  if (!isInside(minute, quiet.start, quiet.end)) return null
  const minutesLeft = (quiet.end - minute + MINUTES_PER_DAY) % MINUTES_PER_DAY
  const end = new Date(now.getTime() + minutesLeft * 60_000)
  end.setUTCSeconds(0, 0)
  return end
}

export const toClockMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

export const fromClockMinutes = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
