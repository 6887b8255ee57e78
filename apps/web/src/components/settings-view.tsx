'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { type CSSProperties, useEffect, useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'
import { applyTheme, parseTheme, readTheme, type Theme } from '@/lib/theme'
import { AccountSettings, useSaveSettings } from './account-settings'
import { PageError, PageLoading } from './travel-view'

type Channel = 'IN_APP' | 'WEBSOCKET' | 'PUSH' | 'EMAIL'
type SettingsWords = ReturnType<typeof useTranslations<'settings'>>

// Channels and types the api adds later show by their code until the catalogue names them.
const channelLabel = (t: SettingsWords, channel: string) =>
  t.has(`channels.${channel as Channel}`) ? t(`channels.${channel as Channel}`) : channel
const typeLabel = (t: SettingsWords, type: string) =>
  t.has(`types.${type as 'MESSAGE'}`) ? t(`types.${type as 'MESSAGE'}`) : type

export function SettingsView() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const prefs = useQuery(trpc.notifications.preferences.queryOptions())
  const [saved, setSaved] = useState<string | null>(null)
  const t = useTranslations('settings')
  const describeRefusal = useDescribeRefusal()
  const update = useMutation(
    trpc.notifications.updatePreferences.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.notifications.preferences.queryKey(), data)
        setSaved(t('saved'))
      },
    }),
  )

  if (prefs.isPending) return <PageLoading label={t('loading')} />
  if (prefs.isError) return <PageError message={describeRefusal(prefs.error).text} />
  const p = prefs.data
  const channels = Object.keys(p.channels) as Channel[]
  const timeZones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [p.timeZone]

  return (
    <div className="page settings-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>

      <section className="card form" aria-labelledby="channels-heading">
        <h2 id="channels-heading" className="card-title">
          {t('channelsHeading')}
        </h2>
        {channels.map((channel) => (
          <label key={channel} className="switch-row">
            <span>{channelLabel(t, channel)}</span>
            <input
              type="checkbox"
              checked={p.channels[channel]}
              onChange={(event) => update.mutate({ channels: { [channel]: event.target.checked } })}
            />
          </label>
        ))}
        <label className="switch-row">
          <span>
            {t('mentionsOnly')}
            <span className="field-hint">{t('mentionsOnlyHint')}</span>
          </span>
          <input
            type="checkbox"
            checked={p.mentionsOnly}
            onChange={(event) => update.mutate({ mentionsOnly: event.target.checked })}
          />
        </label>
      </section>

      <section className="card" aria-labelledby="types-heading">
        <h2 id="types-heading" className="card-title">
          {t('typesHeading')}
        </h2>
        <div className="pref-grid-wrap">
          <table className="pref-grid" style={{ '--channels': channels.length } as CSSProperties}>
            <thead>
              <tr>
                <th scope="col">{t('typeColumn')}</th>
                {channels.map((channel) => (
                  <th key={channel} scope="col">
                    {channelLabel(t, channel)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.entries(p.types).map(([type, switches]) => (
                <tr key={type}>
                  <th scope="row">{typeLabel(t, type)}</th>
                  {channels.map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={t('typeByChannel', {
                          type: typeLabel(t, type),
                          channel: channelLabel(t, channel),
                        })}
                        checked={(switches as Record<string, boolean>)[channel] ?? false}
                        disabled={!p.channels[channel]}
                        onChange={(event) =>
                          update.mutate({ types: { [type]: { [channel]: event.target.checked } } })
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <QuietHours
        quietHours={p.quietHours}
        timeZone={p.timeZone}
        timeZones={timeZones}
        onSave={(change) => update.mutate(change)}
      />

      <AccountSettings />
      <ThemePicker />

      <div role="status" className="save-status">
        {update.isError ? (
          <span className="form-error">{describeRefusal(update.error).text}</span>
        ) : update.isPending ? (
          t('saving')
        ) : (
          saved
        )}
      </div>
    </div>
  )
}

type QuietProps = {
  quietHours: { start: string; end: string } | null
  timeZone: string
  timeZones: string[]
  onSave: (change: { quietHours?: { start: string; end: string } | null; timeZone?: string }) => void
}

function QuietHours({ quietHours, timeZone, timeZones, onSave }: QuietProps) {
  const [start, setStart] = useState(quietHours?.start ?? '22:00')
  const [end, setEnd] = useState(quietHours?.end ?? '07:00')
  const t = useTranslations('settings')
  return (
    <section className="card form" aria-labelledby="quiet-heading">
      <h2 id="quiet-heading" className="card-title">
        {t('quietHeading')}
      </h2>
      <label className="switch-row">
        <span>{t('quietHold')}</span>
        <input
          type="checkbox"
          checked={quietHours !== null}
          onChange={(event) => onSave({ quietHours: event.target.checked ? { start, end } : null })}
        />
      </label>
      <div className="field-row">
        <div className="field">
          <label htmlFor="quiet-start">{t('from')}</label>
          <input
            id="quiet-start"
            type="time"
            value={start}
            onChange={(event) => setStart(event.target.value)}
            onBlur={() => quietHours && onSave({ quietHours: { start, end } })}
          />
        </div>
        <div className="field">
          <label htmlFor="quiet-end">{t('until')}</label>
          <input
            id="quiet-end"
            type="time"
            value={end}
            onChange={(event) => setEnd(event.target.value)}
            onBlur={() => quietHours && onSave({ quietHours: { start, end } })}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor="time-zone">{t('timeZone')}</label>
        <select
          id="time-zone"
          value={timeZone}
          onChange={(event) => onSave({ timeZone: event.target.value })}
        >
          {(timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones]).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </div>
    </section>
  )
}

function ThemePicker() {
  const trpc = useTRPC()
  const profile = useQuery(trpc.users.profile.queryOptions())
  const [local, setLocal] = useState<Theme>('system')
  const saveSettings = useSaveSettings()
  const t = useTranslations('settings')
  useEffect(() => setLocal(readTheme()), [])
  // The choice being saved, else the account's once it is known, else this browser's cached copy.
  const pending = saveSettings.isPending ? saveSettings.variables.theme : undefined
  const theme = pending ?? (profile.data ? parseTheme(profile.data.settings.theme) : local)
  return (
    <section className="card form" aria-labelledby="theme-heading">
      <h2 id="theme-heading" className="card-title">
        {t('themeHeading')}
      </h2>
      <p className="field-hint">{t('themeHint')}</p>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('theme')}</legend>
        {(['system', 'light', 'dark'] as const).map((option) => (
          <label key={option} data-checked={theme === option}>
            <input
              type="radio"
              name="theme"
              value={option}
              checked={theme === option}
              onChange={() => {
                setLocal(option)
                applyTheme(option)
                saveSettings.mutate({ theme: option })
              }}
            />
            {t(`themes.${option}`)}
          </label>
        ))}
      </fieldset>
    </section>
  )
}
