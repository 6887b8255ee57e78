import {
  ZCreateTravelInput,
  ZDeleteTravelInput,
  ZDiscoverTravelsInput,
  ZFreezeTravelInput,
  ZGetTravelInput,
  ZJoinTravelInput,
  ZLeaveTravelInput,
  ZListTravelMembersInput,
  ZRegenerateInviteCodeInput,
  ZRemoveTravelMemberInput,
  ZRestoreTravelInput,
  ZSetTravelRoleInput,
  ZTransferHostInput,
  ZUnfreezeTravelInput,
  ZUpdateTravelInput,
} from '@connecto/shared'
import { adminProcedure, protectedProcedure, router } from '../trpc/init.ts'
import { deleteTravel, freezeTravel, restoreTravel, unfreezeTravel } from './travel-lifecycle.service.ts'
import {
  leaveTravel,
  listTravelMembers,
  removeTravelMember,
  setTravelRole,
  transferHost,
} from './travel-members.service.ts'
import { regenerateInviteCode, updateTravel } from './travel-settings.service.ts'
import { createTravel, discoverTravels, getTravel, joinTravel, listMyTravels } from './travels.service.ts'

export const travelsRouter = router({
  create: protectedProcedure
    .input(ZCreateTravelInput)
    .mutation(({ ctx, input }) => createTravel(ctx.rt, ctx.user.id, input)),
  join: protectedProcedure
    .input(ZJoinTravelInput)
    .mutation(({ ctx, input }) => joinTravel(ctx.rt, ctx.user.id, input)),
  listMine: protectedProcedure.query(({ ctx }) => listMyTravels(ctx.rt, ctx.user.id)),
  get: protectedProcedure
    .input(ZGetTravelInput)
    .query(({ ctx, input }) => getTravel(ctx.rt, ctx.user, input)),
  discover: protectedProcedure
    .input(ZDiscoverTravelsInput)
    .query(({ ctx, input }) => discoverTravels(ctx.rt, input)),
  update: protectedProcedure
    .input(ZUpdateTravelInput)
    .mutation(({ ctx, input }) => updateTravel(ctx.rt, ctx.user, input)),
  regenerateInviteCode: protectedProcedure
    .input(ZRegenerateInviteCodeInput)
    .mutation(({ ctx, input }) => regenerateInviteCode(ctx.rt, ctx.user, input)),
  members: protectedProcedure
    .input(ZListTravelMembersInput)
    .query(({ ctx, input }) => listTravelMembers(ctx.rt, ctx.user, input)),
  leave: protectedProcedure
    .input(ZLeaveTravelInput)
    .mutation(({ ctx, input }) => leaveTravel(ctx.rt, ctx.user, input)),
  removeMember: protectedProcedure
    .input(ZRemoveTravelMemberInput)
    .mutation(({ ctx, input }) => removeTravelMember(ctx.rt, ctx.user, input)),
  transferHost: protectedProcedure
    .input(ZTransferHostInput)
    .mutation(({ ctx, input }) => transferHost(ctx.rt, ctx.user, input)),
  setRole: protectedProcedure
    .input(ZSetTravelRoleInput)
    .mutation(({ ctx, input }) => setTravelRole(ctx.rt, ctx.user, input)),
  freeze: adminProcedure
    .input(ZFreezeTravelInput)
    .mutation(({ ctx, input }) => freezeTravel(ctx.rt, ctx.user, input)),
  unfreeze: adminProcedure
    .input(ZUnfreezeTravelInput)
    .mutation(({ ctx, input }) => unfreezeTravel(ctx.rt, ctx.user, input)),
  delete: protectedProcedure
    .input(ZDeleteTravelInput)
    .mutation(({ ctx, input }) => deleteTravel(ctx.rt, ctx.user, input)),
  restore: adminProcedure
    .input(ZRestoreTravelInput)
    .mutation(({ ctx, input }) => restoreTravel(ctx.rt, ctx.user, input)),
})
