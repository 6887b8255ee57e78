import {
  ZBanFromTravelInput,
  ZListReportsInput,
  ZMuteInput,
  ZReportInput,
  ZResolveReportInput,
  ZUnbanFromTravelInput,
  ZUnmuteInput,
} from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import { banFromTravel, unbanFromTravel } from './bans.ts'
import { mute, unmute } from './mutes.ts'
import { createReport, listReports, resolveReport } from './reports.service.ts'

export const moderationRouter = router({
  banFromTravel: protectedProcedure
    .input(ZBanFromTravelInput)
    .mutation(({ ctx, input }) => banFromTravel(ctx.rt, ctx.user, input)),
  unbanFromTravel: protectedProcedure
    .input(ZUnbanFromTravelInput)
    .mutation(({ ctx, input }) => unbanFromTravel(ctx.rt, ctx.user, input)),
  mute: protectedProcedure.input(ZMuteInput).mutation(({ ctx, input }) => mute(ctx.rt, ctx.user, input)),
  unmute: protectedProcedure
    .input(ZUnmuteInput)
    .mutation(({ ctx, input }) => unmute(ctx.rt, ctx.user, input)),
  report: protectedProcedure
    .input(ZReportInput)
    .mutation(({ ctx, input }) => createReport(ctx.rt, ctx.user, input)),
  listReports: protectedProcedure
    .input(ZListReportsInput)
    .query(({ ctx, input }) => listReports(ctx.rt, ctx.user, input)),
  resolveReport: protectedProcedure
    .input(ZResolveReportInput)
    .mutation(({ ctx, input }) => resolveReport(ctx.rt, ctx.user, input)),
})
