// Refresh-token sessions: issue, rotate (reuse of a rotated token revokes its whole family), revoke.
import { randomUUID } from 'node:crypto'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import { isBanActive } from '../users/active-user.ts'
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens.ts'

export type SessionMeta = { ip?: string; userAgent?: string }

export type TokenPair = {
  accessToken: string
  accessTokenExpiresAt: Date
  refreshToken: string
  refreshTokenExpiresAt: Date
}

async function issue(rt: Runtime, userId: string, familyId: string, meta: SessionMeta): Promise<TokenPair> {
  const now = rt.clock.now()
  const refreshToken = newRefreshToken()
  const refreshTokenExpiresAt = new Date(now.getTime() + rt.config.refreshTokenTtl * 1000)
  await rt.db.session.create({
    data: {
      userId,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
  })
  const access = await signAccessToken(rt.config, { userId, sessionFamily: familyId }, now)
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt,
  }
}

export const startSession = (rt: Runtime, userId: string, meta: SessionMeta) =>
  issue(rt, userId, randomUUID(), meta)

export async function revokeFamily(rt: Runtime, familyId: string) {
  await rt.db.session.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: rt.clock.now() },
  })
}

export async function revokeAllSessions(rt: Runtime, userId: string) {
  await rt.db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: rt.clock.now() } })
}

export async function rotateSession(rt: Runtime, refreshToken: string, meta: SessionMeta) {
  const now = rt.clock.now()
  const session = await rt.db.session.findUnique({
    where: { tokenHash: hashRefreshToken(refreshToken) },
    include: { user: { select: { id: true, isBanned: true, bannedUntil: true, suspendedAt: true } } },
  })
  if (!session || session.revokedAt || session.expiresAt <= now) throw new AppError('AUTH007')
  if (session.rotatedAt) {
    // A rotated token came back: it was copied. End every session descended from the same sign-in.
    await revokeFamily(rt, session.familyId)
    rt.logger.warn(
      { userId: session.userId, familyId: session.familyId },
      'refresh token reuse; family revoked',
    )
    throw new AppError('AUTH007')
  }
  if (isBanActive(session.user, now) || session.user.suspendedAt) {
    await revokeAllSessions(rt, session.userId)
    throw new AppError('AUTH006')
  }
  // Conditional update: of two concurrent refreshes with the same token, only one wins.
  const claimed = await rt.db.session.updateMany({
    where: { id: session.id, rotatedAt: null, revokedAt: null },
    data: { rotatedAt: now },
  })
  if (claimed.count === 0) {
    await revokeFamily(rt, session.familyId)
    throw new AppError('AUTH007')
  }
  return { userId: session.userId, tokens: await issue(rt, session.userId, session.familyId, meta) }
}

export async function endSession(rt: Runtime, refreshToken: string) {
  const session = await rt.db.session.findUnique({ where: { tokenHash: hashRefreshToken(refreshToken) } })
  if (session) await revokeFamily(rt, session.familyId)
}
