// Reading the api's refusals on the client: every tRPC error carries `{ code, message }` in data.app.
import { type AppErrorData, ERRORS, isErrorCode } from '@connecto/shared'
import { TRPCClientError } from '@trpc/client'

/** The app error behind a failed call: `{ code: 'AUTH004', message, field? }`, or null. */
export function appErrorOf(err: unknown): AppErrorData | null {
  if (!(err instanceof TRPCClientError)) return null
  const app = (err.data as { app?: AppErrorData } | undefined)?.app
  return app && isErrorCode(app.code) ? app : null
}

/**
 * Whether trying the same call again later can succeed: transport failures (no app error), rate limits,
 * server faults and token problems can; a refusal about the call itself (invalid, forbidden, gone) cannot.
 */
export function isRetryable(err: unknown) {
  const app = appErrorOf(err)
  if (!app) return true
  const kind = ERRORS[app.code].trpc
  return kind === 'TOO_MANY_REQUESTS' || kind === 'INTERNAL_SERVER_ERROR' || kind === 'UNAUTHORIZED'
}
