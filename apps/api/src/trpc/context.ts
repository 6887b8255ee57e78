// Request context: shared runtime dependencies plus who is calling, from an HTTP header or WS params.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { ErrorCode } from '@connecto/shared'
import { readAccessToken } from '../auth/tokens.ts'
import type { Runtime } from '../runtime.ts'

export type AuthClaims = { userId: string; sessionFamily: string }

export type Context = {
  rt: Runtime
  claims: AuthClaims | null
  /** Why the presented token was refused, when one was presented. */
  authError: ErrorCode | null
  ip: string
  requestId: string
  signal?: AbortSignal
}

function bearerFrom(
  req: IncomingMessage,
  connectionParams: Record<string, string | undefined> | null | undefined,
) {
  const fromParams = connectionParams?.token ?? connectionParams?.accessToken
  if (fromParams) return fromParams
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : null
}

export function clientIp(req: IncomingMessage) {
  const forwarded = req.headers['x-forwarded-for']
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0]
  return first?.trim() || req.socket.remoteAddress || 'unknown'
}

export async function createContext(
  rt: Runtime,
  req: IncomingMessage,
  connectionParams?: Record<string, string | undefined> | null,
): Promise<Context> {
  const base = { rt, ip: clientIp(req), requestId: randomUUID() }
  const token = bearerFrom(req, connectionParams)
  if (!token) return { ...base, claims: null, authError: null }
  const result = await readAccessToken(rt.config, token)
  return result.ok
    ? { ...base, claims: result.claims, authError: null }
    : { ...base, claims: null, authError: result.code }
}
