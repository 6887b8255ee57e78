// Planet inputs. Chat hours arrive as a type plus a restriction object and are checked together against
// ZTimeRestriction, so the api only ever stores a restriction that matches its type.
import { z } from 'zod'
import { PlanetRole, TimeRestrictionType } from '../enums.ts'
import { LIMITS } from '../limits.ts'
import { ZId } from './common.ts'
import { ZTimeRestriction } from './time-restriction.ts'

export const ZPlanetName = z.string().trim().min(1).max(LIMITS.planetNameMax)

/** An IANA zone the runtime knows, e.g. 'Asia/Seoul'. */
export const ZTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
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

const chatHoursFields = {
  timeRestrictionType: z
    .enum([
      TimeRestrictionType.NONE,
      TimeRestrictionType.DAILY,
      TimeRestrictionType.WEEKLY,
      TimeRestrictionType.CUSTOM,
    ])
    .optional(),
  timeRestriction: z.record(z.string(), z.unknown()).optional(),
  timeZone: ZTimeZone.optional(),
}

type ChatHoursFields = {
  timeRestrictionType?: TimeRestrictionType | undefined
  timeRestriction?: Record<string, unknown> | undefined
}

function checkChatHours(v: ChatHoursFields, ctx: z.RefinementCtx) {
  if (!v.timeRestrictionType) {
    if (v.timeRestriction) {
      ctx.addIssue({
        code: 'custom',
        message: 'Give timeRestrictionType too.',
        path: ['timeRestrictionType'],
      })
    }
    return
  }
  const parsed = ZTimeRestriction.safeParse({ ...v.timeRestriction, type: v.timeRestrictionType })
  if (parsed.success) return
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: ['timeRestriction', ...issue.path] })
  }
}

export const ZListPlanetsInput = z.object({ travelId: ZId })
export type TListPlanetsInput = z.infer<typeof ZListPlanetsInput>

export const ZCreatePlanetInput = z
  .object({
    travelId: ZId,
    name: ZPlanetName,
    description: z.string().trim().max(500).optional(),
    /** Every active travel member joins now; otherwise only the creator. */
    autoJoin: z.boolean().default(true),
    ...chatHoursFields,
  })
  .superRefine(checkChatHours)
export type TCreatePlanetInput = z.infer<typeof ZCreatePlanetInput>

/** Only the fields given change; `null` clears the description. Chat hours change as a whole. */
export const ZUpdatePlanetInput = z
  .object({
    planetId: ZId,
    name: ZPlanetName.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    ...chatHoursFields,
  })
  .superRefine(checkChatHours)
export type TUpdatePlanetInput = z.infer<typeof ZUpdatePlanetInput>

export const ZPlanetIdInput = z.object({ planetId: ZId })

export const ZArchivePlanetInput = ZPlanetIdInput
export type TArchivePlanetInput = z.infer<typeof ZArchivePlanetInput>

export const ZDeletePlanetInput = ZPlanetIdInput
export type TDeletePlanetInput = z.infer<typeof ZDeletePlanetInput>

export const ZListPlanetMembersInput = ZPlanetIdInput
export type TListPlanetMembersInput = z.infer<typeof ZListPlanetMembersInput>

export const ZOpenDirectPlanetInput = z.object({ travelId: ZId, userId: ZId })
export type TOpenDirectPlanetInput = z.infer<typeof ZOpenDirectPlanetInput>

export const ZSetPlanetRoleInput = z.object({
  planetId: ZId,
  userId: ZId,
  role: z.enum([PlanetRole.MODERATOR, PlanetRole.MEMBER]),
})
export type TSetPlanetRoleInput = z.infer<typeof ZSetPlanetRoleInput>

/** Invite a travel member into a GROUP planet (invite-only planets), or take them out of one. */
export const ZPlanetMemberInput = z.object({ planetId: ZId, userId: ZId })
export type TPlanetMemberInput = z.infer<typeof ZPlanetMemberInput>
