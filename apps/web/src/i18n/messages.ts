// The message catalogues, loaded per locale so a page only carries its own language.
import type en from '../messages/en.json'
import type { Locale } from './locales'

export type Messages = typeof en

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../messages/${locale}.json`)).default
}
