// Notification inputs: the in-app list, preferences (channels, types, quiet hours), per-planet mute, focus.
import { z } from 'zod'
import { NotificationChannel, NotificationType } from '../enums.ts'
import { ZCursor, ZId } from './common.ts'

export const ZNotificationType = z.enum(
  Object.values(NotificationType) as [NotificationType, ...NotificationType[]],
)
export const ZNotificationChannel = z.enum(
  Object.values(NotificationChannel) as [NotificationChannel, ...NotificationChannel[]],
)

export const ZListNotificationsInput = z.object({
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(100).default(30),
  unreadOnly: z.boolean().default(false),
})
export type TListNotificationsInput = z.infer<typeof ZListNotificationsInput>

export const ZMarkNotificationsReadInput = z.object({ ids: z.array(ZId).min(1).max(200) })
export type TMarkNotificationsReadInput = z.infer<typeof ZMarkNotificationsReadInput>

/** "HH:MM", 24-hour, read in the preference's time zone. */
const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use HH:MM (24-hour).' })

const ZTimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz })
      return true
    } catch {
      return false
    }
  },
  { message: 'Unknown time zone.' },
)

const ZChannelSwitches = z.partialRecord(ZNotificationChannel, z.boolean())

export const ZUpdateNotificationPreferencesInput = z.object({
  /** Channel master switches; a channel left out keeps its current value. */
  channels: ZChannelSwitches.optional(),
  /** Per type and channel, over the type's defaults. */
  types: z.partialRecord(ZNotificationType, ZChannelSwitches).optional(),
  mentionsOnly: z.boolean().optional(),
  timeZone: ZTimeZone.optional(),
  /** null turns quiet hours off. */
  quietHours: z.object({ start: ZClockTime, end: ZClockTime }).nullable().optional(),
})
export type TUpdateNotificationPreferencesInput = z.infer<typeof ZUpdateNotificationPreferencesInput>

export const ZSetPlanetNotificationsInput = z.object({
  planetId: ZId,
  /** true mutes until `mutedUntil` (or until unmuted when absent). */
  muted: z.boolean(),
  mutedUntil: z.coerce.date().optional(),
  mentionsOnly: z.boolean().optional(),
})
export type TSetPlanetNotificationsInput = z.infer<typeof ZSetPlanetNotificationsInput>

/** Sent by a focused client every ~20 s: which planet the user is looking at (null: none). */
export const ZFocusInput = z.object({ planetId: ZId.nullable() })
export type TFocusInput = z.infer<typeof ZFocusInput>
