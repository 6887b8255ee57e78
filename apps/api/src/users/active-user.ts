// Loads the caller for a protected procedure; a platform ban or a deleted account ends access at once.
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'

export type ActiveUser = { id: string; email: string; role: 'ADMIN' | 'HOST' | 'USER'; nickname: string }

export function isBanActive(user: { isBanned: boolean; bannedUntil: Date | null }, now: Date) {
  return user.isBanned && (!user.bannedUntil || user.bannedUntil > now)
}

export async function loadActiveUser(rt: Runtime, userId: string): Promise<ActiveUser> {
  const user = await rt.db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      role: true,
      isBanned: true,
      bannedUntil: true,
      suspendedAt: true,
      profile: { select: { nickname: true } },
    },
  })
  if (!user || user.suspendedAt) throw new AppError('AUTH001')
  if (isBanActive(user, rt.clock.now())) throw new AppError('AUTH006')
  return { id: user.id, email: user.email, role: user.role, nickname: user.profile?.nickname ?? user.email }
}
