// Loads the caller for a protected procedure; a platform ban or a deleted account ends access at once.
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'

export type ActiveUser = { id: string; email: string; role: 'ADMIN' | 'HOST' | 'USER'; nickname: string }

export function isBanActive(user: { isBanned: boolean; bannedUntil: Date | null }, now: Date) {
  return user.isBanned && (!user.bannedUntil || user.bannedUntil > now)
}

type ActiveUserRow = {
  id: string
  email: string
  role: ActiveUser['role']
  isBanned: boolean
  bannedUntil: Date | null
  suspendedAt: Date | null
  nickname: string | null
}

/**
 * Runs before every protected call, so it is one statement: Prisma would read the profile in a second
 * query (no relation joins without the preview feature).
 */
export async function loadActiveUser(rt: Runtime, userId: string): Promise<ActiveUser> {
  const [user] = await rt.db.$queryRaw<ActiveUserRow[]>`
    SELECT u.id, u.email, u.role::text AS role, u.is_banned AS "isBanned", u.banned_until AS "bannedUntil",
           u.suspended_at AS "suspendedAt", p.nickname
    FROM users u LEFT JOIN profiles p ON p.user_id = u.id
    WHERE u.id = ${userId}`
  if (!user || user.suspendedAt) throw new AppError('AUTH001')
  if (isBanActive(user, rt.clock.now())) throw new AppError('AUTH006')
  return { id: user.id, email: user.email, role: user.role, nickname: user.nickname ?? user.email }
}
