'use client'

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { describeRefusal } from '@/lib/refusal'
import { applyTheme, readTheme, type Theme } from '@/lib/theme'
import { AccountSettings, useSaveSettings } from './account-settings'
import { PageError, PageLoading } from './travel-view'

const CHANNEL_LABELS = {
  IN_APP: 'In the app',
  WEBSOCKET: 'Live banner',
  PUSH: 'Push',
  EMAIL: 'Email',
} as const
const TYPE_LABELS: Record<string, string> = {
  MESSAGE: 'New messages',
  MENTION: 'Mentions',
  REPLY: 'Replies to me',
  REACTION: 'Reactions',
  BANNED: 'Bans',
  MUTED: 'Mutes',
  TRAVEL_JOINED: 'Someone joins my travel',
  ANNOUNCEMENT: 'Announcements',
  SYSTEM: 'Account and safety',
}

type Channel = keyof typeof CHANNEL_LABELS

export function SettingsView() {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const prefs = useQuery(trpc.notifications.preferences.queryOptions())
  const [saved, setSaved] = useState<string | null>(null)
  const update = useMutation(
    trpc.notifications.updatePreferences.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.notifications.preferences.queryKey(), data)
        setSaved('Saved.')
      },
    }),
  )

  if (prefs.isPending) return <PageLoading label="Loading your settings" />
  if (prefs.isError) return <PageError message={describeRefusal(prefs.error).text} />
  const p = prefs.data
  const channels = Object.keys(p.channels) as Channel[]
  const timeZones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [p.timeZone]

  return (
    <div className="page settings-page">
      <header className="page-header">
        <h1>Settings</h1>
        <p className="lead">How Connecto reaches you, and how it looks on this device.</p>
      </header>

      <section className="card form" aria-labelledby="channels-heading">
        <h2 id="channels-heading" className="card-title">
          Notification channels
        </h2>
        {channels.map((channel) => (
          <label key={channel} className="switch-row">
            <span>{CHANNEL_LABELS[channel] ?? channel}</span>
            <input
              type="checkbox"
              checked={p.channels[channel]}
              onChange={(event) => update.mutate({ channels: { [channel]: event.target.checked } })}
            />
          </label>
        ))}
        <label className="switch-row">
          <span>
            Only mentions and replies
            <span className="field-hint"> — skip ordinary messages</span>
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
          What to notify about
        </h2>
        <div className="pref-grid-wrap">
          <table className="pref-grid">
            <thead>
              <tr>
                <th scope="col">Type</th>
                {channels.map((channel) => (
                  <th key={channel} scope="col">
                    {CHANNEL_LABELS[channel] ?? channel}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.entries(p.types).map(([type, switches]) => (
                <tr key={type}>
                  <th scope="row">{TYPE_LABELS[type] ?? type}</th>
                  {channels.map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={`${TYPE_LABELS[type] ?? type} by ${CHANNEL_LABELS[channel] ?? channel}`}
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
          'Saving…'
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
  return (
    <section className="card form" aria-labelledby="quiet-heading">
      <h2 id="quiet-heading" className="card-title">
        Quiet hours and time zone
      </h2>
      <label className="switch-row">
        <span>Hold notifications during quiet hours</span>
        <input
          type="checkbox"
          checked={quietHours !== null}
          onChange={(event) => onSave({ quietHours: event.target.checked ? { start, end } : null })}
        />
      </label>
      <div className="field-row">
        <div className="field">
          <label htmlFor="quiet-start">From</label>
          <input
            id="quiet-start"
            type="time"
            value={start}
            onChange={(event) => setStart(event.target.value)}
            onBlur={() => quietHours && onSave({ quietHours: { start, end } })}
          />
        </div>
        <div className="field">
          <label htmlFor="quiet-end">Until</label>
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
        <label htmlFor="time-zone">Time zone</label>
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
  const [theme, setTheme] = useState<Theme>('system')
  const saveSettings = useSaveSettings()
  useEffect(() => setTheme(readTheme()), [])
  return (
    <section className="card form" aria-labelledby="theme-heading">
      <h2 id="theme-heading" className="card-title">
        Appearance on this device
      </h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Theme</legend>
        {(['system', 'light', 'dark'] as const).map((option) => (
          <label key={option} data-checked={theme === option}>
            <input
              type="radio"
              name="theme"
              value={option}
              checked={theme === option}
              onChange={() => {
                setTheme(option)
                applyTheme(option)
                // This device applies it at once; the account keeps it for the other devices.
                saveSettings.mutate({ theme: option })
              }}
            />
            {option === 'system' ? 'Match system' : option === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
    </section>
  )
}
