'use client'

// Account-wide settings stored on the profile (users.updateSettings): privacy switches and language (the
// time zone is picked once, with quiet hours, in the notification settings). Each change is saved at
// once and the answer replaces the cached profile.
import type { UpdateSettingsInput } from '@connecto/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTRPC } from '@/lib/connecto'
import { describeRefusal } from '@/lib/refusal'

const LANGUAGE_LABELS = { en: 'English', ko: '한국어', ja: '日本語' } as const

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
  if (!profile.data) return null
  const s = profile.data.settings
  const change = (input: UpdateSettingsInput) => save.mutate(input)

  return (
    <section className="card form" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading" className="card-title">
        Privacy and language
      </h2>
      <label className="switch-row">
        <span>Show when I was last online</span>
        <input
          type="checkbox"
          checked={s.privacy.lastSeenVisible}
          onChange={(event) => change({ privacy: { lastSeenVisible: event.target.checked } })}
        />
      </label>
      <label className="switch-row">
        <span>Send read receipts</span>
        <input
          type="checkbox"
          checked={s.privacy.readReceipts}
          onChange={(event) => change({ privacy: { readReceipts: event.target.checked } })}
        />
      </label>
      <div className="field">
        <label htmlFor="account-language">Language</label>
        <select
          id="account-language"
          value={s.language}
          onChange={(event) => change({ language: event.target.value as keyof typeof LANGUAGE_LABELS })}
        >
          {Object.entries(LANGUAGE_LABELS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" role="status">
        {save.isPending ? 'Saving…' : save.isSuccess ? 'Account settings saved' : ''}
      </p>
      {save.error ? (
        <p className="form-error" role="alert">
          {describeRefusal(save.error).text}
        </p>
      ) : null}
    </section>
  )
}
