// Users and profiles: creation (with a profile and an identity), the account view clients show.
import type { DbOrTx } from '@connecto/db'
import type { IdentityProvider } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'

type NewUser = {
  email: string
  passwordHash?: string
  nickname: string
  role?: 'ADMIN' | 'HOST' | 'USER'
  identity: { provider: IdentityProvider; providerAccountId: string; email?: string | null }
}

export function createUserWithProfile(db: DbOrTx, input: NewUser) {
  return db.user.create({
    data: {
      email: input.email,
      passwordHash: input.passwordHash,
      role: input.role ?? 'USER',
      profile: { create: { nickname: input.nickname, profileCompletion: 20 } },
      identities: { create: { ...input.identity, email: input.identity.email ?? input.email } },
    },
    select: { id: true },
  })
}

export async function toAccountView(rt: Runtime, userId: string) {
  const user = await rt.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      profile: { select: { nickname: true, avatarFileId: true, profileCompletion: true } },
    },
  })
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    nickname: user.profile?.nickname ?? user.email,
    avatarFileId: user.profile?.avatarFileId ?? null,
    profileCompletion: user.profile?.profileCompletion ?? 0,
    createdAt: user.createdAt,
  }
}
