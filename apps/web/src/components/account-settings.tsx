'use client'

// Account-wide settings stored on the profile (users.updateSettings): privacy switches and language (the
// time zone is picked once, with quiet hours, in the notification settings). Each change is saved at
// once and the answer replaces the cached profile.
import type { Language, UpdateSettingsInput } from '@connecto/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { LOCALE_NAMES, LOCALES, type Locale } from '@/i18n/locales'
import { useTRPC } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'

/** Saves account settings; the theme picker uses it too so the choice follows the account. */
export function useSaveSettings() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  return useMutation(
    trpc.users.updateSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.users.profile.queryKey(), data),
    }),
  )
}

export function AccountSettings() {
  const trpc = useTRPC()
  const profile = useQuery(trpc.users.profile.queryOptions())
  const save = useSaveSettings()
  const t = useTranslations('settings')
  const describeRefusal = useDescribeRefusal()
  if (!profile.data) return null
  const s = profile.data.settings
  const change = (input: UpdateSettingsInput) => save.mutate(input)

  return (
    <section className="card form" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading" className="card-title">
        {t('accountHeading')}
      </h2>
      <label className="switch-row">
        <span>{t('lastSeen')}</span>
        <input
          type="checkbox"
          checked={s.privacy.lastSeenVisible}
          onChange={(event) => change({ privacy: { lastSeenVisible: event.target.checked } })}
        />
      </label>
      <label className="switch-row">
        <span>{t('readReceipts')}</span>
        <input
          type="checkbox"
          checked={s.privacy.readReceipts}
          onChange={(event) => change({ privacy: { readReceipts: event.target.checked } })}
        />
      </label>
      <div className="field">
        <label htmlFor="account-language">{t('language')}</label>
        <select
          id="account-language"
          value={s.language}
          onChange={(event) => change({ language: event.target.value as Language })}
        >
          {/* The shipped languages, each named in itself; a saved one the app does not ship stays listed. */}
          {[...LOCALES, ...(LOCALES.includes(s.language as Locale) ? [] : [s.language])].map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code as Locale] ?? code}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" role="status">
        {save.isPending ? t('saving') : save.isSuccess ? t('accountSaved') : ''}
      </p>
      {save.error ? (
        <p className="form-error" role="alert">
          {describeRefusal(save.error).text}
        </p>
      ) : null}
    </section>
  )
}
