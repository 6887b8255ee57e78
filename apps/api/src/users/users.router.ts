import { ZUpdateProfileInput, ZUpdateSettingsInput } from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import { getProfile, updateProfile, updateSettings } from './profile.service.ts'

export const usersRouter = router({
  profile: protectedProcedure.query(({ ctx }) => getProfile(ctx.rt, ctx.user)),
  updateProfile: protectedProcedure
    .input(ZUpdateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.rt, ctx.user, input)),
  updateSettings: protectedProcedure
    .input(ZUpdateSettingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx.rt, ctx.user, input)),
})
