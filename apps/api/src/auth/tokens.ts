// Access tokens (short-lived JWT, HS256 via jose) and opaque refresh tokens (stored only as a hash).
import { createHash, randomBytes } from 'node:crypto'
import type { ErrorCode } from '@connecto/shared'
import { errors, jwtVerify, SignJWT } from 'jose'
import type { Config } from '../config/config.ts'
import type { AuthClaims } from '../trpc/context.ts'

const keyCache = new Map<string, Uint8Array>()
const keyFor = (secret: string) => {
  const cached = keyCache.get(secret)
  if (cached) return cached
  const key = new TextEncoder().encode(secret)
  keyCache.set(secret, key)
  return key
}

type TokenConfig = Pick<Config, 'jwtSecret' | 'jwtIssuer' | 'accessTokenTtl'>

export async function signAccessToken(config: TokenConfig, claims: AuthClaims, now: Date) {
  const iat = Math.floor(now.getTime() / 1000)
  const exp = iat + config.accessTokenTtl
  const token = await new SignJWT({ sid: claims.sessionFamily })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(config.jwtIssuer)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keyFor(config.jwtSecret))
  return { token, expiresAt: new Date(exp * 1000) }
}

export type ReadTokenResult = { ok: true; claims: AuthClaims } | { ok: false; code: ErrorCode }

export async function readAccessToken(config: TokenConfig, token: string): Promise<ReadTokenResult> {
  try {
    const { payload } = await jwtVerify(token, keyFor(config.jwtSecret), {
      issuer: config.jwtIssuer,
      algorithms: ['HS256'],
    })
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string')
      return { ok: false, code: 'AUTH001' }
    return { ok: true, claims: { userId: payload.sub, sessionFamily: payload.sid } }
  } catch (err) {
    return { ok: false, code: err instanceof errors.JWTExpired ? 'AUTH002' : 'AUTH001' }
  }
}

export const newRefreshToken = () => randomBytes(32).toString('base64url')
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex')
