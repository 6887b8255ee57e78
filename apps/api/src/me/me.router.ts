import { ZMeEventsInput } from '@connecto/shared'
import { tracked } from '@trpc/server'
import { protectedProcedure, router } from '../trpc/init.ts'
import { streamMeEvents } from './me-stream.ts'

export const meRouter = router({
  onEvent: protectedProcedure.input(ZMeEventsInput).subscription(async function* ({ ctx, input, signal }) {
    const stream = streamMeEvents(ctx.rt, {
      userId: ctx.user.id,
      lastEventId: input.lastEventId ?? null,
      signal,
    })
    for await (const { id, event } of stream) yield tracked(id, event)
  }),
})
