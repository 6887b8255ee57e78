import { ZBanUserInput, ZUnbanUserInput } from '@connecto/shared'
import { adminProcedure, router } from '../trpc/init.ts'
import { banUser, unbanUser } from './platform-bans.ts'

export const adminRouter = router({
  banUser: adminProcedure.input(ZBanUserInput).mutation(({ ctx, input }) => banUser(ctx.rt, ctx.user, input)),
  unbanUser: adminProcedure
    .input(ZUnbanUserInput)
    .mutation(({ ctx, input }) => unbanUser(ctx.rt, ctx.user, input)),
})
