// Request context: shared runtime dependencies plus who is calling, from an HTTP header or WS params.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { ErrorCode } from '@connecto/shared'
import type { WebSocket } from 'ws'
import { readAccessToken } from '../auth/tokens.ts'
import type { Runtime } from '../runtime.ts'
import { type CallerMemo, newCallerMemo } from './caller-memo.ts'

export type AuthClaims = { userId: string; sessionFamily: string }

export type Context = {
  rt: Runtime
  claims: AuthClaims | null
  /** Why the presented token was refused, when one was presented. */
  authError: ErrorCode | null
  ip: string
  requestId: string
  signal?: AbortSignal
  /** The signed-in caller, remembered for the context's life (a WebSocket connection) — see caller-memo.ts. */
  callerMemo?: CallerMemo
  /** The connection's socket, when the context is a WebSocket connection's. */
  socket?: WebSocket
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

/** The caller's address; X-Forwarded-For counts only from a trusted proxy, or anyone could pick an IP. */
export function clientIp(req: IncomingMessage, trustedProxies: string[]) {
  const peer = req.socket.remoteAddress ?? 'unknown'
  if (!trustedProxies.includes(peer)) return peer
  const forwarded = req.headers['x-forwarded-for']
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',')
  return hops.at(-1)?.trim() || peer
}

export async function createContext(
  rt: Runtime,
  req: IncomingMessage,
  connectionParams?: Record<string, string | undefined> | null,
): Promise<Context> {
  const base = {
    rt,
    ip: clientIp(req, rt.config.trustedProxies),
    requestId: randomUUID(),
    callerMemo: newCallerMemo(),
  }
  const token = bearerFrom(req, connectionParams)
  if (!token) return { ...base, claims: null, authError: null }
  const result = await readAccessToken(rt.config, token)
  return result.ok
    ? { ...base, claims: result.claims, authError: null }
    : { ...base, claims: null, authError: result.code }
}
