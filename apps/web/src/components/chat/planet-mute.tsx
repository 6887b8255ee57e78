'use client'

import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { describeRefusal } from '@/lib/refusal'
import { Popover } from './popover'

const HOUR = 3_600_000
const OPTIONS = [
  { label: 'Mute for 1 hour', ms: HOUR },
  { label: 'Mute for 8 hours', ms: 8 * HOUR },
  { label: 'Mute for a day', ms: 24 * HOUR },
  { label: 'Mute until I turn it back on', ms: null },
] as const

const untilFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

/** Mutes this planet's notifications (messages still arrive in the chat) for a while or until unmuted. */
export function PlanetMute({ planetId, onNotice }: { planetId: string; onNotice: (text: string) => void }) {
  const trpc = useTRPC()
  const [open, setOpen] = useState(false)
  const change = useMutation(
    trpc.notifications.setPlanetNotifications.mutationOptions({
      onSuccess: (state) =>
        onNotice(
          !state.notificationsMuted
            ? 'Notifications for this planet are on.'
            : state.notificationsMutedUntil
              ? `Muted until ${untilFormat.format(new Date(state.notificationsMutedUntil))}.`
              : 'Muted until you turn notifications back on.',
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
        aria-label="Notifications for this planet"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        {muted ? '🔕' : '🔔'}
      </button>
      {open ? (
        <Popover
          onClose={() => setOpen(false)}
          label="Notifications for this planet"
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
              {option.label}
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
            Unmute
          </button>
        </Popover>
      ) : null}
    </div>
  )
}
