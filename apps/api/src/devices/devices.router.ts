import { ZRegisterDeviceInput, ZUnregisterDeviceInput } from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'

export const devicesRouter = router({
  /** A push token belongs to one user: registering it again moves it to whoever is signed in now. */
  register: protectedProcedure.input(ZRegisterDeviceInput).mutation(({ ctx, input }) =>
    ctx.rt.db.device.upsert({
      where: { pushToken: input.pushToken },
      create: { userId: ctx.user.id, pushToken: input.pushToken, platform: input.platform },
      update: { userId: ctx.user.id, platform: input.platform, lastSeenAt: ctx.rt.clock.now() },
      select: { id: true, platform: true, lastSeenAt: true },
    }),
  ),
  unregister: protectedProcedure.input(ZUnregisterDeviceInput).mutation(async ({ ctx, input }) => {
    await ctx.rt.db.device.deleteMany({ where: { pushToken: input.pushToken, userId: ctx.user.id } })
    return { ok: true as const }
  }),
})
