'use client'
// Applies the signed-in account's saved settings on whichever device it signs in on. The theme: this
// browser's localStorage copy only paints the first frame. The language: mirrored into the cookie the
// server reads, then the page is re-rendered on the server in that language (no full reload).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useSession } from 'next-auth/react'
import { useLocale } from 'next-intl'
import { useEffect, useRef } from 'react'
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale, matchLocale } from '@/i18n/locales'
import { useTRPC } from './connecto'
import { applyTheme, readTheme, themeToApply } from './theme'

const YEAR_SECONDS = 365 * 24 * 3600
const ADOPT_KEY = 'connecto.adopt-locale'

/**
 * A new account's saved language is the api's default, not a choice: the sign-up form calls this so the
 * language the person signed up in becomes the account's on its first load.
 */
export function adoptLocaleForNewAccount(locale: Locale) {
  sessionStorage.setItem(ADOPT_KEY, locale)
}

export function writeLocaleCookie(locale: Locale) {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the Safari and Firefox versions we support
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`
}

export function AccountPreferences() {
  const trpc = useTRPC()
  const router = useRouter()
  const locale = useLocale()
  const { data: session } = useSession()
  const signedIn = !!session && !session.error
  const queryClient = useQueryClient()
  const profile = useQuery({ ...trpc.users.profile.queryOptions(), enabled: signedIn })
  const save = useMutation(
    trpc.users.updateSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.users.profile.queryKey(), data),
    }),
  )
  const { mutate: saveSettings } = save
  const savedTheme = profile.data?.settings.theme
  const savedLanguage = profile.data?.settings.language

  useEffect(() => {
    const theme = themeToApply(savedTheme, readTheme())
    if (theme) applyTheme(theme)
  }, [savedTheme])

  // Once per saved value: a browser that refuses the cookie must not refresh forever.
  const refreshedFor = useRef<string | null>(null)
  useEffect(() => {
    if (!savedLanguage) return
    const adopt = sessionStorage.getItem(ADOPT_KEY)
    if (adopt !== null) {
      sessionStorage.removeItem(ADOPT_KEY)
      if (isLocale(adopt) && adopt !== savedLanguage) {
        saveSettings({ language: adopt })
        return
      }
    }
    const wanted = matchLocale(savedLanguage) ?? DEFAULT_LOCALE
    writeLocaleCookie(wanted)
    if (wanted === locale || refreshedFor.current === savedLanguage) return
    refreshedFor.current = savedLanguage
    router.refresh()
  }, [savedLanguage, locale, router, saveSettings])

  return null
}
