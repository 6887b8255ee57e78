import {
  ZMarkAllReadInput,
  ZMarkReadInput,
  ZMessageStatusInput,
  ZReadByInput,
  ZUnreadCountsInput,
} from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import { messageStatuses } from './message-status.ts'
import { markAllRead, markRead, readBy, unreadCounts } from './reads.service.ts'

export const readsRouter = router({
  markRead: protectedProcedure
    .input(ZMarkReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.rt, ctx.user, input)),
  markAllRead: protectedProcedure
    .input(ZMarkAllReadInput)
    .mutation(({ ctx, input }) => markAllRead(ctx.rt, ctx.user, input)),
  unreadCounts: protectedProcedure
    .input(ZUnreadCountsInput)
    .query(({ ctx, input }) => unreadCounts(ctx.rt, ctx.user, input)),
  readBy: protectedProcedure.input(ZReadByInput).query(({ ctx, input }) => readBy(ctx.rt, ctx.user, input)),
  messageStatus: protectedProcedure
    .input(ZMessageStatusInput)
    .query(({ ctx, input }) => messageStatuses(ctx.rt, ctx.user, input)),
})
