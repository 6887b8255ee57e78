// next-intl's per-request configuration (no locale in the URL): the language from the cookie the browser
// keeps in step with the account, else Accept-Language; English messages fill any gap.
import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { LOCALE_COOKIE, pickLocale } from './locales'
import { loadMessages } from './messages'

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()])
  const locale = pickLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  })
  return { locale, messages: await loadMessages(locale) }
})
