// Minimal tRPC-over-HTTP caller (v11 wire format, superjson) for the server-side auth calls.
// Replace with createTRPCClient<AppRouter> once @connecto/api exports its router type.
import type { AppErrorData } from '@connecto/shared'
import superjson, { type SuperJSONResult } from 'superjson'
import { serverEnv } from '../env'

type TrpcErrorShape = { message?: string; code?: number; data?: { app?: AppErrorData } }
type TrpcEnvelope = { result?: { data: SuperJSONResult }; error?: SuperJSONResult }

/** The api answered and refused; `message` is fit to show to the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly app?: AppErrorData,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export async function callMutation(path: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${serverEnv.apiUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(superjson.serialize(input)),
    cache: 'no-store',
    signal: AbortSignal.timeout(10_000),
  })
  const envelope = (await response.json().catch(() => null)) as TrpcEnvelope | null
  if (envelope?.result) return superjson.deserialize(envelope.result.data)
  if (!envelope?.error) throw new Error(`${path}: unexpected HTTP ${response.status} from the api`)
  const error = superjson.deserialize<TrpcErrorShape>(envelope.error)
  const app = error.data?.app
  throw new ApiError(app?.message ?? error.message ?? 'The request failed.', app)
}
