// Sign-up, sign-in (password and social), refresh and sign-out.
import type { TSignInInput, TSignUpInput, TSocialSignInInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import { isBanActive } from '../users/active-user.ts'
import { createUserWithProfile, toAccountView } from '../users/users.service.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { endSession, rotateSession, type SessionMeta, startSession } from './sessions.ts'
import { SocialTokenError } from './social/index.ts'

async function signedIn(rt: Runtime, userId: string, meta: SessionMeta) {
  const tokens = await startSession(rt, userId, meta)
  return { ...tokens, user: await toAccountView(rt, userId) }
}

export async function signUp(rt: Runtime, input: TSignUpInput, meta: SessionMeta) {
  const existing = await rt.db.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) throw new AppError('AUTH005', undefined, 'email')
  const passwordHash = await hashPassword(input.password)
  const user = await createUserWithProfile(rt.db, {
    email: input.email,
    passwordHash,
    nickname: input.nickname,
    identity: { provider: 'PASSWORD', providerAccountId: input.email },
  })
  return signedIn(rt, user.id, meta)
}

export async function signIn(rt: Runtime, input: TSignInInput, meta: SessionMeta & { ip: string }) {
  await rt.limits.checkSignIn(meta.ip, input.email)
  const user = await rt.db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, isBanned: true, bannedUntil: true, suspendedAt: true },
  })
  const ok = await verifyPassword(user?.passwordHash, input.password)
  if (!user || !ok) {
    await rt.limits.recordFailedSignIn(input.email)
    throw new AppError('AUTH004')
  }
  if (isBanActive(user, rt.clock.now()) || user.suspendedAt) throw new AppError('AUTH006')
  await rt.limits.resetSignIn(input.email)
  return signedIn(rt, user.id, meta)
}

export async function socialSignIn(rt: Runtime, input: TSocialSignInInput, meta: SessionMeta) {
  if (!rt.social.isConfigured(input.provider)) throw new AppError('AUTH010')
  const identity = await rt.social.verify(input.provider, input.idToken).catch((err: unknown) => {
    if (err instanceof SocialTokenError && err.reason === 'NOT_CONFIGURED') throw new AppError('AUTH010')
    throw new AppError('AUTH009')
  })
  const linked = await rt.db.identity.findUnique({
    where: {
      provider_providerAccountId: { provider: input.provider, providerAccountId: identity.providerAccountId },
    },
    select: { userId: true },
  })
  let userId = linked?.userId
  if (!userId) {
    // Link to an existing account only through an email the provider verified.
    const byEmail = identity.email
      ? await rt.db.user.findUnique({ where: { email: identity.email.toLowerCase() }, select: { id: true } })
      : null
    if (byEmail && !identity.emailVerified) {
      throw new AppError(
        'AUTH005',
        'An account with this email already exists. Sign in with your password first.',
      )
    }
    if (byEmail) {
      await rt.db.identity.create({
        data: {
          userId: byEmail.id,
          provider: input.provider,
          providerAccountId: identity.providerAccountId,
          email: identity.email,
        },
      })
      userId = byEmail.id
    } else {
      const email =
        identity.email?.toLowerCase() ??
        `${input.provider.toLowerCase()}-${identity.providerAccountId}@users.connecto.invalid`
      const created = await createUserWithProfile(rt.db, {
        email,
        nickname: input.nickname ?? identity.name ?? email.split('@')[0]!.slice(0, 30),
        identity: {
          provider: input.provider,
          providerAccountId: identity.providerAccountId,
          email: identity.email,
        },
      })
      userId = created.id
    }
  }
  const user = await rt.db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { isBanned: true, bannedUntil: true, suspendedAt: true },
  })
  if (isBanActive(user, rt.clock.now()) || user.suspendedAt) throw new AppError('AUTH006')
  return signedIn(rt, userId, meta)
}

export async function refresh(rt: Runtime, refreshToken: string, meta: SessionMeta) {
  const { userId, tokens } = await rotateSession(rt, refreshToken, meta)
  return { ...tokens, user: await toAccountView(rt, userId) }
}

export const signOut = (rt: Runtime, refreshToken: string) => endSession(rt, refreshToken)
