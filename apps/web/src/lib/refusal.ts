// Plain words for the api's refusals, from their stable codes, in the reader's language. Dates inside a
// refusal's message (ISO) are shown in the reader's own time and locale.
import { appErrorOf } from '@connecto/client'
import { useLocale, useTranslations } from 'next-intl'
import { useMemo } from 'react'

/** The `refusal` namespace of the catalogue: next-intl's translator, or a stand-in in tests. */
export type RefusalWords = (
  key: 'offline' | 'unknown' | 'muted' | 'mutedUntil' | 'closed' | 'closedUntil' | 'banned' | 'readOnly',
  values?: { when: string },
) => string

export type Refusal = { code: string | null; text: string }

const whenOptions: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
}

/** The first ISO timestamp in `text`, shown as a local date and time. */
function localTimeIn(text: string, locale: string): string | null {
  const iso = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/)?.[0]
  return iso ? new Intl.DateTimeFormat(locale, whenOptions).format(new Date(iso)) : null
}

/** The catalogue's generic sentence for an error code (the `errors` namespace), or null. */
export type CodeWords = (code: string) => string | null

type Words = { t: RefusalWords; codeText?: CodeWords; locale?: string }

/** What to tell the user about a failed call; `code` is null when the api never answered. */
export function describeRefusal(error: unknown, { t, codeText, locale = 'en' }: Words): Refusal {
  const app = appErrorOf(error)
  if (!app) return { code: null, text: isOffline() ? t('offline') : t('unknown') }
  const when = localTimeIn(app.message, locale)
  switch (app.code) {
    case 'PLT003':
      return { code: app.code, text: when ? t('mutedUntil', { when }) : t('muted') }
    case 'PLT004':
      return { code: app.code, text: when ? t('closedUntil', { when }) : t('closed') }
    case 'TRV008':
      return { code: app.code, text: t('banned') }
    case 'PLT005':
      return { code: app.code, text: t('readOnly') }
    default:
      // The api's own sentence is English and often more precise ("at most 10 MB"); other languages
      // get the catalogue's sentence for the code when it has one.
      return { code: app.code, text: (locale !== 'en' && codeText?.(app.code)) || app.message }
  }
}

/** `describeRefusal` bound to the current language. */
export function useDescribeRefusal() {
  const t = useTranslations('refusal')
  const errors = useTranslations('errors')
  const locale = useLocale()
  return useMemo(() => {
    const codeText: CodeWords = (code) => (errors.has(code as never) ? errors(code as never) : null)
    return (error: unknown) => describeRefusal(error, { t, codeText, locale })
  }, [t, errors, locale])
}

/** True when the api never answered because the browser has no network. */
export function isNetworkFailure(error: unknown) {
  return appErrorOf(error) === null
}

function isOffline() {
  return typeof navigator !== 'undefined' && !navigator.onLine
}
