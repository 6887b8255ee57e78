import { ERRORS, ZListMessagesInput, ZPlanetEventsInput, ZSendMessageInput } from '@connecto/shared'
import { TRPCError, tracked } from '@trpc/server'
import { AppError } from '../errors/app-error.ts'
import { streamPlanetEvents } from '../events/planet-stream.ts'
import { watchTravelAccess } from '../moderation/access-revocation.ts'
import { requirePlanetReader } from '../planets/planet-access.ts'
import { protectedProcedure, router } from '../trpc/init.ts'
import { listMessages, sendMessage } from './messages.service.ts'

export const messagesRouter = router({
  send: protectedProcedure
    .input(ZSendMessageInput)
    .mutation(({ ctx, input }) => sendMessage(ctx.rt, ctx.user.id, input)),
  list: protectedProcedure
    .input(ZListMessagesInput)
    .query(({ ctx, input }) => listMessages(ctx.rt, ctx.user, input)),
  onPlanetEvent: protectedProcedure.input(ZPlanetEventsInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    // Watch for a ban before the access check, so one landing in between still ends the stream.
    let travelId: string | null = null
    const access = await watchTravelAccess(ctx.rt, ctx.user.id, () => travelId, signal)
    try {
      travelId = (await requirePlanetReader(ctx.rt, ctx.user.id, input.planetId)).planet.travelId
      const lastEventId = input.lastEventId ? Number(input.lastEventId) : null
      for await (const event of streamPlanetEvents(ctx.rt, input.planetId, lastEventId, access.signal)) {
        yield tracked(String(event.seq), event)
      }
      if (access.revoked) {
        throw new TRPCError({
          code: ERRORS.TRV008.trpc,
          message: ERRORS.TRV008.message,
          cause: new AppError('TRV008'),
        })
      }
    } finally {
      access.stop()
    }
  }),
})
