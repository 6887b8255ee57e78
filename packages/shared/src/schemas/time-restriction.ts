// Planet chat hours (Planet.timeRestrictionType + Planet.timeRestriction). Wall-clock times are read in the
// planet's IANA time zone; a window whose endTime <= startTime crosses midnight into the next day.
import { z } from 'zod'
import { TimeRestrictionType } from '../enums.ts'

/** 'HH:mm', 00:00–23:59. */
export const ZTimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a 24-hour time like 09:00 or 22:30.' })

const ZDayOfWeek = z.number().int().min(0, { message: 'Days run from 0 (Sunday) to 6 (Saturday).' }).max(6, {
  message: 'Days run from 0 (Sunday) to 6 (Saturday).',
})

export const ZWeeklyWindow = z.object({
  /** The days a window STARTS on; 0 = Sunday … 6 = Saturday. */
  daysOfWeek: z
    .array(ZDayOfWeek)
    .min(1, { message: 'Pick at least one day.' })
    .refine((days) => new Set(days).size === days.length, { message: 'Each day may appear only once.' }),
  startTime: ZTimeOfDay,
  endTime: ZTimeOfDay,
})
export type TWeeklyWindow = z.infer<typeof ZWeeklyWindow>

export const ZCustomWindow = z
  .object({
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  })
  .refine((w) => Date.parse(w.end) > Date.parse(w.start), {
    message: 'The end must be after the start.',
    path: ['end'],
  })
export type TCustomWindow = z.infer<typeof ZCustomWindow>

export const ZTimeRestriction = z.discriminatedUnion('type', [
  z.object({ type: z.literal(TimeRestrictionType.NONE) }),
  z.object({ type: z.literal(TimeRestrictionType.DAILY), startTime: ZTimeOfDay, endTime: ZTimeOfDay }),
  z.object({ type: z.literal(TimeRestrictionType.WEEKLY), windows: z.array(ZWeeklyWindow).min(1) }),
  z.object({ type: z.literal(TimeRestrictionType.CUSTOM), windows: z.array(ZCustomWindow).min(1) }),
])
export type TTimeRestriction = z.infer<typeof ZTimeRestriction>
