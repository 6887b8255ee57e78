// Per-planet notification settings a member chose: muted (optionally until a time) and mentions-only.
import type { NotificationType } from '@connecto/shared'

export type PlanetNotificationSettings = {
  notificationsMuted: boolean
  notificationsMutedUntil: Date | null
  mentionsOnly: boolean
}

export function isPlanetMuted(s: PlanetNotificationSettings, now: Date) {
  return s.notificationsMuted && (!s.notificationsMutedUntil || s.notificationsMutedUntil > now)
}

const GETS_THROUGH_MENTIONS_ONLY = new Set<NotificationType>(['MENTION', 'REPLY', 'ANNOUNCEMENT'])

/** Whether a planet-scoped notification of `type` reaches a member with these settings. */
export function planetAllows(s: PlanetNotificationSettings | null, type: NotificationType, now: Date) {
  if (!s) return true
  if (isPlanetMuted(s, now)) return false
  return !s.mentionsOnly || GETS_THROUGH_MENTIONS_ONLY.has(type)
}
