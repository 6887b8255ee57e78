// Dates, times and sizes in the reader's language (the locale next-intl resolved for this request).
import { useLocale } from 'next-intl'
import { useMemo } from 'react'

/** One `Intl.DateTimeFormat` per locale and options; pass options defined outside the component. */
export function useDateFormat(options: Intl.DateTimeFormatOptions) {
  const locale = useLocale()
  return useMemo(() => new Intl.DateTimeFormat(locale, options), [locale, options])
}

/** "340 KB", "2.4 MB", with the locale's digits and separators. */
export function formatSize(bytes: number, locale: string) {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
      value,
    )
  return bytes < 1024 * 1024
    ? `${number(Math.max(1, Math.round(bytes / 1024)), 0)} KB`
    : `${number(bytes / 1024 / 1024, 1)} MB`
}
