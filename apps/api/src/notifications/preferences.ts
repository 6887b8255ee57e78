// Notification preferences: which channels each type goes to, by default and as the user changed it,
// plus mentions-only mode and quiet hours. A user without a row has every default.
import type {
  NotificationChannel,
  NotificationType,
  TUpdateNotificationPreferencesInput,
} from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import { fromClockMinutes, type QuietHours, toClockMinutes } from './quiet-hours.ts'

type ChannelSwitches = Partial<Record<NotificationChannel, boolean>>

const ALL: Record<NotificationChannel, boolean> = { IN_APP: true, WEBSOCKET: true, PUSH: true, EMAIL: true }
const APP_AND_PUSH = { ...ALL, EMAIL: false }
const APP_ONLY = { ...ALL, PUSH: false, EMAIL: false }

/** Chat volume stays out of the mailbox by default; things about you or your membership reach it. */
export const DEFAULT_CHANNELS: Record<NotificationType, Record<NotificationChannel, boolean>> = {
  MESSAGE: APP_AND_PUSH,
  MENTION: ALL,
  REPLY: ALL,
  REACTION: APP_ONLY,
  BANNED: ALL,
  MUTED: APP_AND_PUSH,
  TRAVEL_JOINED: APP_AND_PUSH,
  ANNOUNCEMENT: ALL,
  SYSTEM: ALL,
}

export const CHANNELS: NotificationChannel[] = ['IN_APP', 'WEBSOCKET', 'PUSH', 'EMAIL']

/** Types that reach the user even in mentions-only mode. */
const DIRECTED_TYPES = new Set<NotificationType>([
  'MENTION',
  'REPLY',
  'BANNED',
  'MUTED',
  'ANNOUNCEMENT',
  'SYSTEM',
])

export type Preferences = {
  channels: ChannelSwitches
  types: Partial<Record<NotificationType, ChannelSwitches>>
  mentionsOnly: boolean
  timeZone: string
  quietHours: QuietHours | null
}

export const DEFAULT_PREFERENCES: Preferences = {
  channels: {},
  types: {},
  mentionsOnly: false,
  timeZone: 'UTC',
  quietHours: null,
}

type PreferenceRow = {
  channels: unknown
  types: unknown
  mentionsOnly: boolean
  timeZone: string
  quietStart: number | null
  quietEnd: number | null
}

function fromRow(row: PreferenceRow | null): Preferences {
  if (!row) return DEFAULT_PREFERENCES
  return {
    channels: (row.channels ?? {}) as ChannelSwitches,
    types: (row.types ?? {}) as Preferences['types'],
    mentionsOnly: row.mentionsOnly,
    timeZone: row.timeZone,
    quietHours:
      row.quietStart !== null && row.quietEnd !== null
        ? { timeZone: row.timeZone, start: row.quietStart, end: row.quietEnd }
        : null,
  }
}

export async function loadPreferences(rt: Runtime, userIds: string[]) {
  const rows = await rt.db.notificationPreference.findMany({ where: { userId: { in: userIds } } })
  const byUser = new Map(rows.map((r) => [r.userId, fromRow(r)]))
  return (userId: string) => byUser.get(userId) ?? DEFAULT_PREFERENCES
}

/** The channels a notification of `type` goes to for these preferences; empty: drop it. */
export function channelsFor(prefs: Preferences, type: NotificationType): Set<NotificationChannel> {
  if (prefs.mentionsOnly && !DIRECTED_TYPES.has(type)) return new Set()
  const enabled = CHANNELS.filter(
    (c) => prefs.channels[c] !== false && (prefs.types[type]?.[c] ?? DEFAULT_CHANNELS[type][c]),
  )
  // Push and mail point back to the app; without the in-app record there is nothing to open.
  return enabled.includes('IN_APP') ? new Set(enabled) : new Set()
}

export function preferencesView(prefs: Preferences) {
  return {
    channels: Object.fromEntries(CHANNELS.map((c) => [c, prefs.channels[c] !== false])) as Record<
      NotificationChannel,
      boolean
    >,
    types: Object.fromEntries(
      (Object.keys(DEFAULT_CHANNELS) as NotificationType[]).map((t) => [
        t,
        Object.fromEntries(CHANNELS.map((c) => [c, prefs.types[t]?.[c] ?? DEFAULT_CHANNELS[t][c]])),
      ]),
    ) as Record<NotificationType, Record<NotificationChannel, boolean>>,
    mentionsOnly: prefs.mentionsOnly,
    timeZone: prefs.timeZone,
    quietHours: prefs.quietHours
      ? { start: fromClockMinutes(prefs.quietHours.start), end: fromClockMinutes(prefs.quietHours.end) }
      : null,
  }
}

export async function getPreferences(rt: Runtime, userId: string) {
  return preferencesView((await loadPreferences(rt, [userId]))(userId))
}

export async function updatePreferences(
  rt: Runtime,
  userId: string,
  input: TUpdateNotificationPreferencesInput,
) {
  const current = (await loadPreferences(rt, [userId]))(userId)
  const types = { ...current.types }
  for (const [type, switches] of Object.entries(input.types ?? {}) as [NotificationType, ChannelSwitches][]) {
    types[type] = { ...types[type], ...switches }
  }
  const quiet =
    input.quietHours === undefined
      ? current.quietHours
      : input.quietHours && {
          start: toClockMinutes(input.quietHours.start),
          end: toClockMinutes(input.quietHours.end),
        }
  const data = {
    channels: { ...current.channels, ...input.channels },
    types,
    mentionsOnly: input.mentionsOnly ?? current.mentionsOnly,
    timeZone: input.timeZone ?? current.timeZone,
    quietStart: quiet ? quiet.start : null,
    quietEnd: quiet ? quiet.end : null,
  }
  await rt.db.notificationPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data })
  return getPreferences(rt, userId)
}
