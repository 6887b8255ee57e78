// Types next-intl's keys and locales from the English catalogue, so a missing or misspelt key fails typecheck.
import type en from '../messages/en.json'
import type { Locale } from './locales'

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale
    Messages: typeof en
  }
}
