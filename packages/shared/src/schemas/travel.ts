import { z } from 'zod'
import { TravelVisibility } from '../enums.ts'
import { LIMITS } from '../limits.ts'

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
