import { z } from 'zod'
import { DevicePlatform } from '../enums.ts'
import { LIMITS } from '../limits.ts'
import { ZEmail } from './common.ts'

export const ZPassword = z
  .string()
  .min(LIMITS.passwordMin, { message: `Use at least ${LIMITS.passwordMin} characters.` })
  .max(LIMITS.passwordMax)

export const ZNickname = z.string().trim().min(2).max(LIMITS.nicknameMax)

export const ZSignUpInput = z.object({ email: ZEmail, password: ZPassword, nickname: ZNickname })
export type TSignUpInput = z.infer<typeof ZSignUpInput>

export const ZSignInInput = z.object({ email: ZEmail, password: z.string().min(1).max(LIMITS.passwordMax) })
export type TSignInInput = z.infer<typeof ZSignInInput>

export const ZRefreshInput = z.object({ refreshToken: z.string().min(20).max(512) })
export type TRefreshInput = z.infer<typeof ZRefreshInput>

export const ZSignOutInput = z.object({ refreshToken: z.string().min(20).max(512) })
export type TSignOutInput = z.infer<typeof ZSignOutInput>

export const ZSocialProvider = z.enum(['GOOGLE', 'APPLE', 'FIREBASE'])
export const ZSocialSignInInput = z.object({
  provider: ZSocialProvider,
  idToken: z.string().min(20).max(8192),
  nickname: ZNickname.optional(),
})
export type TSocialSignInInput = z.infer<typeof ZSocialSignInInput>

export const ZRegisterDeviceInput = z.object({
  pushToken: z.string().min(10).max(4096),
  platform: z.enum([DevicePlatform.IOS, DevicePlatform.ANDROID, DevicePlatform.WEB]),
})
export type TRegisterDeviceInput = z.infer<typeof ZRegisterDeviceInput>

export const ZUnregisterDeviceInput = z.object({ pushToken: z.string().min(10).max(4096) })
