// Inputs of the admin app's own procedures (admin.*): user management, the audit log, report context,
// bulk message removal and travel search. The app validates its forms with the same schemas.
import { z } from 'zod'
import { ZCursor, ZId } from './common.ts'

const ZSearchText = z.string().trim().max(100).optional()

export const ZSearchUsersInput = z.object({
  query: ZSearchText,
  role: z.enum(['ADMIN', 'HOST', 'USER']).optional(),
  state: z.enum(['active', 'banned', 'suspended']).optional(),
  limit: z.number().int().min(1).max(100).default(50),
})
export type TSearchUsersInput = z.infer<typeof ZSearchUsersInput>

export const ZGetUserInput = z.object({ userId: ZId })
export type TGetUserInput = z.infer<typeof ZGetUserInput>

export const ZSetPlatformRoleInput = z.object({ userId: ZId, role: z.enum(['ADMIN', 'HOST', 'USER']) })
export type TSetPlatformRoleInput = z.infer<typeof ZSetPlatformRoleInput>

export const ZSuspendUserInput = z.object({ userId: ZId, reason: z.string().trim().min(1).max(500) })
export type TSuspendUserInput = z.infer<typeof ZSuspendUserInput>

export const ZRestoreUserInput = z.object({ userId: ZId })
export type TRestoreUserInput = z.infer<typeof ZRestoreUserInput>

export const ZListStaffTravelsInput = z.object({
  query: ZSearchText,
  limit: z.number().int().min(1).max(100).default(50),
})
export type TListStaffTravelsInput = z.infer<typeof ZListStaffTravelsInput>

export const ZReportContextInput = z.object({
  reportId: ZId,
  /** Messages shown on each side of the reported one. */
  radius: z.number().int().min(1).max(20).default(5),
})
export type TReportContextInput = z.infer<typeof ZReportContextInput>

export const ZDeleteUserMessagesInput = z.object({ planetId: ZId, userId: ZId })
export type TDeleteUserMessagesInput = z.infer<typeof ZDeleteUserMessagesInput>

export const ZAuditLogFilter = z.object({
  actorId: ZId.optional(),
  /** Exact action ('travel.member.banned') or a prefix ending in a dot ('travel.'). */
  action: z.string().trim().max(100).optional(),
  targetId: ZId.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
})
export type TAuditLogFilter = z.infer<typeof ZAuditLogFilter>

export const ZListAuditLogInput = ZAuditLogFilter.extend({
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(200).default(50),
})
export type TListAuditLogInput = z.infer<typeof ZListAuditLogInput>

/** The platform-ban resolution of a report; the ban reason defaults to the report's. */
export const ZResolveReportWithPlatformBanInput = z.object({
  reportId: ZId,
  reason: z.string().trim().min(1).max(500).optional(),
  durationHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .optional(),
  note: z.string().trim().max(1000).optional(),
})
export type TResolveReportWithPlatformBanInput = z.infer<typeof ZResolveReportWithPlatformBanInput>
