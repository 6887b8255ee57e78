// Plain words for the api's refusals, from their stable codes. Dates inside a refusal's message (ISO) are
// shown in the reader's own time.
import { appErrorOf } from '@connecto/client'

const OFFLINE_TEXT = 'You are offline. This will be retried when the connection is back.'
const UNKNOWN_TEXT = 'Something went wrong. Try again in a moment.'

const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

/** The first ISO timestamp in `text`, shown as a local date and time. */
function localTimeIn(text: string): string | null {
  const iso = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/)?.[0]
  return iso ? whenFormat.format(new Date(iso)) : null
}

export type Refusal = { code: string | null; text: string }

/** What to tell the user about a failed call; `code` is null when the api never answered. */
export function describeRefusal(error: unknown): Refusal {
  const app = appErrorOf(error)
  if (!app) return { code: null, text: isOffline() ? OFFLINE_TEXT : UNKNOWN_TEXT }
  const when = localTimeIn(app.message)
  switch (app.code) {
    case 'PLT003':
      return { code: app.code, text: when ? `You are muted here until ${when}.` : 'You are muted here.' }
    case 'PLT004':
      return {
        code: app.code,
        text: when
          ? `Outside chat hours. The next window opens at ${when}.`
          : 'Outside chat hours. This chat does not open again.',
      }
    case 'TRV008':
      return { code: app.code, text: 'You are banned from this travel.' }
    case 'PLT005':
      return { code: app.code, text: 'Announcements are read-only: only the host and moderators post here.' }
    default:
      return { code: app.code, text: app.message }
  }
}

/** True when the api never answered because the browser has no network. */
export function isNetworkFailure(error: unknown) {
  return appErrorOf(error) === null
}

function isOffline() {
  return typeof navigator !== 'undefined' && !navigator.onLine
}
