// Moderation inputs: travel bans, planet mutes, platform bans and reports.
import { z } from 'zod'
import { ZId } from './common.ts'

const ZReason = z.string().trim().min(1).max(500)
/** Up to a year; absent means until lifted by hand. */
const ZDurationHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 365)

export const ZBanFromTravelInput = z.object({
  travelId: ZId,
  userId: ZId,
  reason: ZReason,
  durationHours: ZDurationHours.optional(),
})
export type TBanFromTravelInput = z.infer<typeof ZBanFromTravelInput>

export const ZUnbanFromTravelInput = z.object({ travelId: ZId, userId: ZId })
export type TUnbanFromTravelInput = z.infer<typeof ZUnbanFromTravelInput>

export const ZMuteDuration = z.union([z.enum(['1h', '24h', '7d']), z.object({ until: z.coerce.date() })])
export type TMuteDuration = z.infer<typeof ZMuteDuration>

export const ZMuteInput = z.object({
  planetId: ZId,
  userId: ZId,
  duration: ZMuteDuration,
  reason: ZReason.optional(),
})
export type TMuteInput = z.infer<typeof ZMuteInput>

export const ZUnmuteInput = z.object({ planetId: ZId, userId: ZId })
export type TUnmuteInput = z.infer<typeof ZUnmuteInput>

export const ZBanUserInput = z.object({
  userId: ZId,
  reason: ZReason,
  durationHours: ZDurationHours.optional(),
})
export type TBanUserInput = z.infer<typeof ZBanUserInput>

export const ZUnbanUserInput = z.object({ userId: ZId })
export type TUnbanUserInput = z.infer<typeof ZUnbanUserInput>

export const ReportStatus = { OPEN: 'OPEN', RESOLVED: 'RESOLVED', DISMISSED: 'DISMISSED' } as const
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus]

export const ReportAction = {
  DISMISS: 'DISMISS',
  DELETE_MESSAGE: 'DELETE_MESSAGE',
  MUTE: 'MUTE',
  TRAVEL_BAN: 'TRAVEL_BAN',
} as const
export type ReportAction = (typeof ReportAction)[keyof typeof ReportAction]

/** A USER report names the travel it happened in, since a user belongs to many. */
export const ZReportInput = z.object({
  targetType: z.enum(['MESSAGE', 'USER', 'PLANET']),
  targetId: ZId,
  travelId: ZId.optional(),
  reason: ZReason,
})
export type TReportInput = z.infer<typeof ZReportInput>

export const ZListReportsInput = z.object({
  travelId: ZId.optional(),
  status: z.enum(['OPEN', 'RESOLVED', 'DISMISSED']).optional(),
})
export type TListReportsInput = z.infer<typeof ZListReportsInput>

export const ZResolveReportInput = z.object({
  reportId: ZId,
  action: z.enum(['DISMISS', 'DELETE_MESSAGE', 'MUTE', 'TRAVEL_BAN']),
  note: z.string().trim().max(1000).optional(),
})
export type TResolveReportInput = z.infer<typeof ZResolveReportInput>
