'use client'

import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { useDateFormat } from '@/lib/format'
import { useDescribeRefusal } from '@/lib/refusal'
import { Popover } from './popover'

const HOUR = 3_600_000
const OPTIONS = [
  { label: 'hour', ms: HOUR },
  { label: 'hours8', ms: 8 * HOUR },
  { label: 'day', ms: 24 * HOUR },
  { label: 'forever', ms: null },
] as const

const UNTIL_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
}

/** Mutes this planet's notifications (messages still arrive in the chat) for a while or until unmuted. */
export function PlanetMute({ planetId, onNotice }: { planetId: string; onNotice: (text: string) => void }) {
  const trpc = useTRPC()
  const [open, setOpen] = useState(false)
  const t = useTranslations('mute')
  const describeRefusal = useDescribeRefusal()
  const untilFormat = useDateFormat(UNTIL_OPTIONS)
  const change = useMutation(
    trpc.notifications.setPlanetNotifications.mutationOptions({
      onSuccess: (state) =>
        onNotice(
          !state.notificationsMuted
            ? t('on')
            : state.notificationsMutedUntil
              ? t('mutedUntil', { when: untilFormat.format(new Date(state.notificationsMutedUntil)) })
              : t('mutedForever'),
        ),
      onError: (error) => onNotice(describeRefusal(error).text),
    }),
  )
  const muted = change.data?.notificationsMuted ?? false
  return (
    <div className="header-menu">
      <button
        type="button"
        className="icon-button"
        aria-label={t('label')}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        {muted ? '🔕' : '🔔'}
      </button>
      {open ? (
        <Popover
          onClose={() => setOpen(false)}
          label={t('label')}
          className="action-menu header-popover"
          role="menu"
        >
          {OPTIONS.map((option) => (
            <button
              key={option.label}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                setOpen(false)
                change.mutate({
                  planetId,
                  muted: true,
                  ...(option.ms ? { mutedUntil: new Date(Date.now() + option.ms) } : {}),
                })
              }}
            >
              {t(option.label)}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false)
              change.mutate({ planetId, muted: false })
            }}
          >
            {t('unmute')}
          </button>
        </Popover>
      ) : null}
    </div>
  )
}
