// Profile and account settings inputs. Settings updates are partial: only the keys sent are merged into
// the stored preferences, so notification preferences and anything else there survive.
import { z } from 'zod'
import { LIMITS } from '../limits.ts'
import { ZTimeZone } from './planet.ts'

export const PROFILE_BIO_MAX = 500
export const PROFILE_TEXT_MAX = 60
export const PROFILE_AGE_MIN = 13
export const PROFILE_AGE_MAX = 120

/** Blank optional text clears the field (stored as null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()

export const ZUpdateProfileInput = z.object({
  nickname: z.string().trim().min(1).max(LIMITS.nicknameMax).optional(),
  name: optionalText(PROFILE_TEXT_MAX),
  gender: optionalText(PROFILE_TEXT_MAX),
  age: z.number().int().min(PROFILE_AGE_MIN).max(PROFILE_AGE_MAX).nullable().optional(),
  occupation: optionalText(PROFILE_TEXT_MAX),
  bio: optionalText(PROFILE_BIO_MAX),
})
export type UpdateProfileInput = z.infer<typeof ZUpdateProfileInput>

export const ZTheme = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof ZTheme>
export const ZLanguage = z.enum(['en', 'ko', 'ja'])
export type Language = z.infer<typeof ZLanguage>

export const ZUpdateSettingsInput = z.object({
  privacy: z
    .object({ lastSeenVisible: z.boolean().optional(), readReceipts: z.boolean().optional() })
    .optional(),
  theme: ZTheme.optional(),
  language: ZLanguage.optional(),
  timeZone: ZTimeZone.optional(),
})
export type UpdateSettingsInput = z.infer<typeof ZUpdateSettingsInput>
