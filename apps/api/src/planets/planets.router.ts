import {
  ZArchivePlanetInput,
  ZCreatePlanetInput,
  ZDeletePlanetInput,
  ZListPlanetMembersInput,
  ZListPlanetsInput,
  ZOpenDirectPlanetInput,
  ZPlanetMemberInput,
  ZSetPlanetRoleInput,
  ZUpdatePlanetInput,
} from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import { openDirectPlanet } from './direct-planets.ts'
import { addPlanetMember, removePlanetMember } from './planet-members.service.ts'
import { setPlanetRole } from './planet-roles.service.ts'
import {
  archivePlanet,
  createPlanet,
  deletePlanet,
  listPlanetMembers,
  listPlanets,
  updatePlanet,
} from './planets.service.ts'

export const planetsRouter = router({
  addMember: protectedProcedure
    .input(ZPlanetMemberInput)
    .mutation(({ ctx, input }) => addPlanetMember(ctx.rt, ctx.user, input)),
  removeMember: protectedProcedure
    .input(ZPlanetMemberInput)
    .mutation(({ ctx, input }) => removePlanetMember(ctx.rt, ctx.user, input)),
  list: protectedProcedure
    .input(ZListPlanetsInput)
    .query(({ ctx, input }) => listPlanets(ctx.rt, ctx.user, input)),
  create: protectedProcedure
    .input(ZCreatePlanetInput)
    .mutation(({ ctx, input }) => createPlanet(ctx.rt, ctx.user, input)),
  update: protectedProcedure
    .input(ZUpdatePlanetInput)
    .mutation(({ ctx, input }) => updatePlanet(ctx.rt, ctx.user, input)),
  archive: protectedProcedure
    .input(ZArchivePlanetInput)
    .mutation(({ ctx, input }) => archivePlanet(ctx.rt, ctx.user, input)),
  delete: protectedProcedure
    .input(ZDeletePlanetInput)
    .mutation(({ ctx, input }) => deletePlanet(ctx.rt, ctx.user, input)),
  openDirect: protectedProcedure
    .input(ZOpenDirectPlanetInput)
    .mutation(({ ctx, input }) => openDirectPlanet(ctx.rt, ctx.user, input)),
  members: protectedProcedure
    .input(ZListPlanetMembersInput)
    .query(({ ctx, input }) => listPlanetMembers(ctx.rt, ctx.user, input)),
  setRole: protectedProcedure
    .input(ZSetPlanetRoleInput)
    .mutation(({ ctx, input }) => setPlanetRole(ctx.rt, ctx.user, input)),
})
