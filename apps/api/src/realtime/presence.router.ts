import { ZReportPresenceInput, ZTravelPresenceInput, ZTypingInput, ZTypingNowInput } from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import { reportPresence, travelPresence } from './presence.service.ts'
import { listTyping, setTyping } from './typing.service.ts'

export const presenceRouter = router({
  /** The client says the user is active or away (app backgrounded, idle). */
  report: protectedProcedure
    .input(ZReportPresenceInput)
    .mutation(({ ctx, input }) => reportPresence(ctx.rt, ctx.user.id, input)),
  list: protectedProcedure
    .input(ZTravelPresenceInput)
    .query(({ ctx, input }) => travelPresence(ctx.rt, ctx.user, input)),
  typing: protectedProcedure
    .input(ZTypingInput)
    .mutation(({ ctx, input }) => setTyping(ctx.rt, ctx.user, input)),
  typingNow: protectedProcedure
    .input(ZTypingNowInput)
    .query(({ ctx, input }) => listTyping(ctx.rt, ctx.user.id, input.planetId)),
})
