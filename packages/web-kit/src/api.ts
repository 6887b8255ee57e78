// Server-side tRPC client for the api, typed by its router. Used on the Node side only: next-auth and server components.
import type { AppRouter } from '@connecto/api'
import type { AppErrorData } from '@connecto/shared'
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client'
import type { inferRouterOutputs } from '@trpc/server'
import superjson from 'superjson'

const TIMEOUT_MS = 10_000

export type ApiClientOptions = { apiUrl: string; forwardedFor?: string; accessToken?: string }

/**
 * `apiUrl` is the app's server-side api address (its serverEnv.apiUrl);
 * `forwardedFor` passes the browser's address on, so the api rate-limits people rather than this server;
 * `accessToken` calls the api as the signed-in user.
 */
export function createApiClient({ apiUrl, forwardedFor, accessToken }: ApiClientOptions) {
  const headers: Record<string, string> = {}
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor
  if (accessToken) headers.authorization = `Bearer ${accessToken}`
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        transformer: superjson,
        headers,
        fetch: (url, init) => {
          const timeout = AbortSignal.timeout(TIMEOUT_MS)
          const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
          return fetch(url, { ...init, cache: 'no-store', signal })
        },
      }),
    ],
  })
}

export type ApiClient = ReturnType<typeof createApiClient>
export type ApiOutputs = inferRouterOutputs<AppRouter>

export type ApiRefusal = { app: AppErrorData; httpStatus: number }

/** What the api said when it refused a call; null when it never answered (down, timed out, not the api). */
export function readApiRefusal(error: unknown): ApiRefusal | null {
  if (!(error instanceof TRPCClientError)) return null
  const data = error.data as { app?: AppErrorData; httpStatus?: number } | undefined
  return data?.app ? { app: data.app, httpStatus: data.httpStatus ?? 500 } : null
}
