import { ZCreateTravelInput, ZJoinTravelInput } from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import { createTravel, joinTravel, listMyTravels } from './travels.service.ts'

export const travelsRouter = router({
  create: protectedProcedure
    .input(ZCreateTravelInput)
    .mutation(({ ctx, input }) => createTravel(ctx.rt, ctx.user.id, input)),
  join: protectedProcedure
    .input(ZJoinTravelInput)
    .mutation(({ ctx, input }) => joinTravel(ctx.rt, ctx.user.id, input)),
  listMine: protectedProcedure.query(({ ctx }) => listMyTravels(ctx.rt, ctx.user.id)),
})
