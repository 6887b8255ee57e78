// initTRPC once: the procedure builders every router uses, made of named middlewares.
import { type AppErrorData, ERRORS, HTTP_STATUS } from '@connecto/shared'
import { initTRPC, TRPCError } from '@trpc/server'
import { AppError } from '../errors/app-error.ts'
import { toAppError } from '../errors/to-app-error.ts'
import type { ActiveUser } from '../users/active-user.ts'
import { loadCaller } from './caller-memo.ts'
import type { Context } from './context.ts'
import { transformer } from './shared-serialization.ts'
import { subscriptionWire } from './subscription-wire.ts'

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const app = error.cause instanceof AppError ? error.cause : toAppError(error.cause ?? error)
    const data: AppErrorData = {
      code: app.code,
      message: app.message,
      ...(app.field ? { field: app.field } : {}),
      ...(app.retryAfterSeconds !== undefined ? { retryAfterSeconds: app.retryAfterSeconds } : {}),
    }
    const { stack: _stack, ...rest } = shape.data
    return { ...shape, message: app.message, data: { ...rest, app: data } }
  },
})

export const router = t.router
export const createCallerFactory = t.createCallerFactory
export const mergeRouters = t.mergeRouters

/** An AppError-backed TRPCError with the code's tRPC code for any failure, logging only 5xx. */
function toAppTrpcError(ctx: Context, path: string, cause: unknown) {
  const app = toAppError(cause)
  const trpcCode = ERRORS[app.code].trpc
  if (HTTP_STATUS[trpcCode] >= 500) {
    ctx.rt.logger.error({ err: cause, path, requestId: ctx.requestId }, 'procedure failed')
  }
  ctx.rt.metrics.procedureErrors.inc({ path, code: app.code })
  return new TRPCError({ code: trpcCode, message: app.message, cause: app })
}

/** Turns every failure into an AppError-backed TRPCError (toAppTrpcError). */
const withAppErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next()
  if (result.ok) return result
  return { ...result, error: toAppTrpcError(ctx, path, result.error.cause ?? result.error) }
})

export const publicProcedure = t.procedure.use(withAppErrors)

/**
 * Signed-in and not platform-banned; `ctx.user` is read from the database, on a WebSocket at most
 * every few seconds (bans close the socket itself). Failures become AppErrors as in withAppErrors: one
 * middleware rather than two, since tRPC copies a call's options and context at every level.
 */
export const protectedProcedure = t.procedure.use(async ({ ctx, next, path }) => {
  let result: Awaited<ReturnType<typeof next<{ user: ActiveUser }>>>
  try {
    if (!ctx.claims) throw new AppError(ctx.authError ?? 'AUTH003')
    const user = await loadCaller(ctx.rt, ctx.claims.userId, ctx.callerMemo)
    result = await next({ ctx: { user } })
  } catch (err) {
    throw toAppTrpcError(ctx, path, err)
  }
  if (result.ok) return result
  return { ...result, error: toAppTrpcError(ctx, path, result.error.cause ?? result.error) }
})

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'ADMIN') throw new AppError('AUTH011')
  return next()
})

/**
 * A signed-in subscription that may write its data frames straight to its socket: `ctx.wire` is set
 * when it came over a WebSocket (subscription-wire.ts), null for a server-side caller.
 */
export const liveProcedure = protectedProcedure.use(async ({ ctx, getRawInput, next }) =>
  next({ ctx: { ...ctx, wire: subscriptionWire(ctx.socket, await getRawInput()) } }),
)
