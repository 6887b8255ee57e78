import { z } from 'zod'
import { TravelRole, TravelVisibility } from '../enums.ts'
import { LIMITS } from '../limits.ts'
import { ZCursor, ZId } from './common.ts'

export const ZCreateTravelInput = z
  .object({
    name: z.string().trim().min(2).max(LIMITS.travelNameMax),
    description: z.string().trim().max(2000).optional(),
    startDate: z.coerce.date(),
    endDate: z.coerce.date(),
    visibility: z.enum([TravelVisibility.PUBLIC, TravelVisibility.INVITE_ONLY]).default('INVITE_ONLY'),
    maxMembers: z.number().int().min(2).max(1000).optional(),
  })
  .refine((v) => v.endDate >= v.startDate, {
    message: 'The end date must be on or after the start date.',
    path: ['endDate'],
  })
export type TCreateTravelInput = z.infer<typeof ZCreateTravelInput>

export const ZInviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .length(LIMITS.inviteCodeLength, { message: `An invite code has ${LIMITS.inviteCodeLength} characters.` })

export const ZJoinTravelInput = z.object({ inviteCode: ZInviteCode })
export type TJoinTravelInput = z.infer<typeof ZJoinTravelInput>

export const ZTravelIdInput = z.object({ travelId: ZId })

export const ZGetTravelInput = ZTravelIdInput
export type TGetTravelInput = z.infer<typeof ZGetTravelInput>

/** Only the fields given change; `null` clears the description or the member cap. */
export const ZUpdateTravelInput = z
  .object({
    travelId: ZId,
    name: z.string().trim().min(2).max(LIMITS.travelNameMax).optional(),
    description: z.string().trim().max(2000).nullable().optional(),
    startDate: z.coerce.date().optional(),
    endDate: z.coerce.date().optional(),
    visibility: z.enum([TravelVisibility.PUBLIC, TravelVisibility.INVITE_ONLY]).optional(),
    maxMembers: z.number().int().min(2).max(1000).nullable().optional(),
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    message: 'The end date must be on or after the start date.',
    path: ['endDate'],
  })
export type TUpdateTravelInput = z.infer<typeof ZUpdateTravelInput>

export const ZRegenerateInviteCodeInput = ZTravelIdInput
export type TRegenerateInviteCodeInput = z.infer<typeof ZRegenerateInviteCodeInput>

export const ZDiscoverTravelsInput = z.object({
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(50).default(20),
})
export type TDiscoverTravelsInput = z.infer<typeof ZDiscoverTravelsInput>

export const ZListTravelMembersInput = z.object({
  travelId: ZId,
  /** Also list members who left or were banned (host and moderators only). */
  includeInactive: z.boolean().default(false),
})
export type TListTravelMembersInput = z.infer<typeof ZListTravelMembersInput>

export const ZLeaveTravelInput = ZTravelIdInput
export type TLeaveTravelInput = z.infer<typeof ZLeaveTravelInput>

export const ZTravelMemberInput = z.object({ travelId: ZId, userId: ZId })

export const ZRemoveTravelMemberInput = ZTravelMemberInput
export type TRemoveTravelMemberInput = z.infer<typeof ZRemoveTravelMemberInput>

export const ZTransferHostInput = ZTravelMemberInput
export type TTransferHostInput = z.infer<typeof ZTransferHostInput>

export const ZSetTravelRoleInput = ZTravelMemberInput.extend({
  role: z.enum([TravelRole.MODERATOR, TravelRole.PARTICIPANT]),
})
export type TSetTravelRoleInput = z.infer<typeof ZSetTravelRoleInput>

export const ZFreezeTravelInput = ZTravelIdInput
export type TFreezeTravelInput = z.infer<typeof ZFreezeTravelInput>

export const ZUnfreezeTravelInput = ZTravelIdInput
export type TUnfreezeTravelInput = z.infer<typeof ZUnfreezeTravelInput>

export const ZDeleteTravelInput = ZTravelIdInput
export type TDeleteTravelInput = z.infer<typeof ZDeleteTravelInput>

export const ZRestoreTravelInput = ZTravelIdInput
export type TRestoreTravelInput = z.infer<typeof ZRestoreTravelInput>
