import { ZListMessagesInput, ZPlanetEventsInput, ZSendMessageInput } from '@connecto/shared'
import { tracked } from '@trpc/server'
import { streamPlanetEvents } from '../events/planet-stream.ts'
import { requirePlanetReader } from '../planets/planet-access.ts'
import { protectedProcedure, router } from '../trpc/init.ts'
import { listMessages, sendMessage } from './messages.service.ts'

export const messagesRouter = router({
  send: protectedProcedure
    .input(ZSendMessageInput)
    .mutation(({ ctx, input }) => sendMessage(ctx.rt, ctx.user.id, input)),
  list: protectedProcedure
    .input(ZListMessagesInput)
    .query(({ ctx, input }) => listMessages(ctx.rt, ctx.user.id, input)),
  onPlanetEvent: protectedProcedure.input(ZPlanetEventsInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    await requirePlanetReader(ctx.rt, ctx.user.id, input.planetId)
    const lastEventId = input.lastEventId ? Number(input.lastEventId) : null
    for await (const event of streamPlanetEvents(ctx.rt, input.planetId, lastEventId, signal)) {
      yield tracked(String(event.seq), event)
    }
  }),
})
