import {
  ZCompleteUploadInput,
  ZDownloadUrlInput,
  ZFileIdInput,
  ZInitiateUploadInput,
  ZSetAvatarInput,
  ZSetTravelCoverInput,
} from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import { downloadUrl, getFile } from './file-access.ts'
import { setAvatar, setTravelCover } from './profile-files.ts'
import { abortUpload, completeUpload, initiateUpload } from './uploads.service.ts'

export const filesRouter = router({
  initiate: protectedProcedure
    .input(ZInitiateUploadInput)
    .mutation(({ ctx, input }) => initiateUpload(ctx.rt, ctx.user.id, input)),
  complete: protectedProcedure
    .input(ZCompleteUploadInput)
    .mutation(({ ctx, input }) => completeUpload(ctx.rt, ctx.user.id, input)),
  abort: protectedProcedure
    .input(ZFileIdInput)
    .mutation(({ ctx, input }) => abortUpload(ctx.rt, ctx.user.id, input)),
  get: protectedProcedure
    .input(ZFileIdInput)
    .query(({ ctx, input }) => getFile(ctx.rt, ctx.user, input.fileId)),
  downloadUrl: protectedProcedure
    .input(ZDownloadUrlInput)
    .query(({ ctx, input }) => downloadUrl(ctx.rt, ctx.user, input)),
  setAvatar: protectedProcedure
    .input(ZSetAvatarInput)
    .mutation(({ ctx, input }) => setAvatar(ctx.rt, ctx.user.id, input)),
  setTravelCover: protectedProcedure
    .input(ZSetTravelCoverInput)
    .mutation(({ ctx, input }) => setTravelCover(ctx.rt, ctx.user, input)),
})
