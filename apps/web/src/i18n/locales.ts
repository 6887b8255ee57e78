// The languages the web app ships, and how a request's language is chosen: the account's saved setting
// (mirrored into a cookie by the browser once it knows it), else that cookie, else Accept-Language.
export const LOCALES = ['en', 'ko'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Set by the browser whenever the account's language is known or changed; read by the server on each request. */
export const LOCALE_COOKIE = 'connecto-web.locale'

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The shipped locale for a language tag ("ko-KR" → "ko"); null when none matches. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0]
  return isLocale(base) ? base : null
}

/** The best shipped locale for an Accept-Language header, honouring its q-values. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag, q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter(({ q }) => Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    const locale = matchLocale(tag)
    if (locale) return locale
  }
  return null
}

type LocaleSources = { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }

/** First of: the saved account language, the cookie, the browser's Accept-Language, English. */
export function pickLocale({ saved, cookie, acceptLanguage }: LocaleSources): Locale {
  return (
    matchLocale(saved) ?? matchLocale(cookie) ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE
  )
}
