import {
  ERRORS,
  ZEditMessageInput,
  ZForwardMessageInput,
  ZListMessagesInput,
  ZListPinnedInput,
  ZMessageRefInput,
  ZPlanetEventsInput,
  ZReactionInput,
  ZSearchMessagesInput,
  ZSendMessageInput,
} from '@connecto/shared'
import { TRPCError, tracked } from '@trpc/server'
import { AppError } from '../errors/app-error.ts'
import { watchTravelAccess } from '../moderation/access-revocation.ts'
import { requirePlanetReader } from '../planets/planet-access.ts'
import { runPlanetLive, streamPlanetLive } from '../realtime/planet-live.ts'
import { liveProcedure, protectedProcedure, router } from '../trpc/init.ts'
import { sendTracked } from '../trpc/subscription-wire.ts'
import { forwardMessage } from './forward.service.ts'
import { listMessages } from './history.service.ts'
import { deleteMessage, editMessage, restoreMessage } from './message-actions.service.ts'
import { sendMessage } from './messages.service.ts'
import { listPinnedMessages, pinMessage, unpinMessage } from './pins.service.ts'
import { addReaction, removeReaction } from './reactions.service.ts'
import { searchMessages } from './search.service.ts'

export const messagesRouter = router({
  send: protectedProcedure
    .input(ZSendMessageInput)
    .mutation(({ ctx, input }) => sendMessage(ctx.rt, ctx.user.id, input)),
  edit: protectedProcedure
    .input(ZEditMessageInput)
    .mutation(({ ctx, input }) => editMessage(ctx.rt, ctx.user, input)),
  delete: protectedProcedure
    .input(ZMessageRefInput)
    .mutation(({ ctx, input }) => deleteMessage(ctx.rt, ctx.user, input)),
  restore: protectedProcedure
    .input(ZMessageRefInput)
    .mutation(({ ctx, input }) => restoreMessage(ctx.rt, ctx.user, input)),
  forward: protectedProcedure
    .input(ZForwardMessageInput)
    .mutation(({ ctx, input }) => forwardMessage(ctx.rt, ctx.user, input)),
  react: protectedProcedure
    .input(ZReactionInput)
    .mutation(({ ctx, input }) => addReaction(ctx.rt, ctx.user, input)),
  unreact: protectedProcedure
    .input(ZReactionInput)
    .mutation(({ ctx, input }) => removeReaction(ctx.rt, ctx.user, input)),
  pin: protectedProcedure
    .input(ZMessageRefInput)
    .mutation(({ ctx, input }) => pinMessage(ctx.rt, ctx.user, input)),
  unpin: protectedProcedure
    .input(ZMessageRefInput)
    .mutation(({ ctx, input }) => unpinMessage(ctx.rt, ctx.user, input)),
  listPinned: protectedProcedure
    .input(ZListPinnedInput)
    .query(({ ctx, input }) => listPinnedMessages(ctx.rt, ctx.user, input)),
  list: protectedProcedure
    .input(ZListMessagesInput)
    .query(({ ctx, input }) => listMessages(ctx.rt, ctx.user, input)),
  search: protectedProcedure
    .input(ZSearchMessagesInput)
    .query(({ ctx, input }) => searchMessages(ctx.rt, ctx.user, input)),
  onPlanetEvent: liveProcedure.input(ZPlanetEventsInput).subscription(async function* ({
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
      const live = { userId: ctx.user.id, planetId: input.planetId, lastEventId, signal: access.signal }
      const { wire } = ctx
      if (wire) {
        // Over a WebSocket the frames go straight to the socket; this generator ends with the stream.
        await runPlanetLive(ctx.rt, live, (id, event) => sendTracked(wire, id, event))
      } else {
        for await (const { id, event } of streamPlanetLive(ctx.rt, live)) yield tracked(id, event)
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
