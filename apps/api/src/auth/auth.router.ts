import {
  ZRefreshInput,
  ZSignInInput,
  ZSignOutInput,
  ZSignUpInput,
  ZSocialSignInInput,
} from '@connecto/shared'
import type { Context } from '../trpc/context.ts'
import { protectedProcedure, publicProcedure, router } from '../trpc/init.ts'
import { toAccountView } from '../users/users.service.ts'
import { refresh, signIn, signOut, signUp, socialSignIn } from './auth.service.ts'

const meta = (ctx: Context) => ({ ip: ctx.ip })

export const authRouter = router({
  signUp: publicProcedure.input(ZSignUpInput).mutation(({ ctx, input }) => signUp(ctx.rt, input, meta(ctx))),
  signIn: publicProcedure.input(ZSignInInput).mutation(({ ctx, input }) => signIn(ctx.rt, input, meta(ctx))),
  socialSignIn: publicProcedure
    .input(ZSocialSignInInput)
    .mutation(({ ctx, input }) => socialSignIn(ctx.rt, input, meta(ctx))),
  refresh: publicProcedure
    .input(ZRefreshInput)
    .mutation(({ ctx, input }) => refresh(ctx.rt, input.refreshToken, meta(ctx))),
  signOut: publicProcedure.input(ZSignOutInput).mutation(async ({ ctx, input }) => {
    await signOut(ctx.rt, input.refreshToken)
    return { ok: true as const }
  }),
  me: protectedProcedure.query(({ ctx }) => toAccountView(ctx.rt, ctx.user.id)),
  // The client ids are public (every sign-in page embeds them); the web app needs them to start each flow.
  providers: publicProcedure.query(({ ctx }) => ({
    google: ctx.rt.social.isConfigured('GOOGLE'),
    apple: ctx.rt.social.isConfigured('APPLE'),
    firebase: ctx.rt.social.isConfigured('FIREBASE'),
    googleClientId: ctx.rt.social.webClientId('GOOGLE'),
    appleClientId: ctx.rt.social.webClientId('APPLE'),
  })),
})
