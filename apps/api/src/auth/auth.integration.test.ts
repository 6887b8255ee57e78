import { seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonCaller, callerFor, callerWithToken, codeOf, createTestRuntime } from '../../test/harness.ts'
import { signAccessToken } from './tokens.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

const signUpInput = (email: string) => ({ email, password: 'a-long-password', nickname: 'Traveller' })

describe('sign-up and sign-in', () => {
  it('signs up, returns a token pair and the account, and the token works', async () => {
    const res = await anonCaller(t.rt).auth.signUp(signUpInput('New.User@Example.com'))
    expect(res.user).toMatchObject({ email: 'new.user@example.com', role: 'USER', nickname: 'Traveller' })
    expect(res.accessToken.split('.')).toHaveLength(3)
    expect(res.refreshToken.length).toBeGreaterThan(40)
    const me = await (await callerWithToken(t.rt, res.accessToken)).auth.me()
    expect(me.id).toBe(res.user.id)
    const identity = await t.rt.db.identity.findFirstOrThrow({ where: { userId: res.user.id } })
    expect(identity.provider).toBe('PASSWORD')
    const stored = await t.rt.db.user.findUniqueOrThrow({ where: { id: res.user.id } })
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/)
  })

  it('refuses a duplicate email with AUTH005 and creates nothing', async () => {
    await anonCaller(t.rt).auth.signUp(signUpInput('dup@example.com'))
    const before = await t.rt.db.user.count()
    expect(await codeOf(anonCaller(t.rt).auth.signUp(signUpInput('DUP@example.com')))).toBe('AUTH005')
    expect(await t.rt.db.user.count()).toBe(before)
  })

  it('gives the same error for a wrong password and an unknown email', async () => {
    const user = await seedUser(t.rt.db)
    const wrong = await codeOf(
      anonCaller(t.rt).auth.signIn({ email: user.email, password: 'not-the-password' }),
    )
    const unknown = await codeOf(
      anonCaller(t.rt).auth.signIn({ email: 'nobody@example.com', password: 'whatever-pass' }),
    )
    expect(wrong).toBe('AUTH004')
    expect(unknown).toBe('AUTH004')
    const ok = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    expect(ok.user.id).toBe(user.id)
  })

  it('refuses malformed input with a validation error naming the field, and writes nothing', async () => {
    const before = await t.rt.db.user.count()
    const err = await anonCaller(t.rt)
      .auth.signUp({ email: 'not-an-email', password: 'a-long-password', nickname: 'X1' })
      .catch((e: { cause?: { code: string; field?: string } }) => e.cause)
    expect(err).toMatchObject({ code: 'SYS001', field: 'email' })
    const short = await anonCaller(t.rt)
      .auth.signUp({ email: 'ok@example.com', password: 'short', nickname: 'X1' })
      .catch((e: { cause?: { code: string; field?: string } }) => e.cause)
    expect(short).toMatchObject({ code: 'SYS001', field: 'password' })
    expect(await t.rt.db.user.count()).toBe(before)
  })

  it('refuses a platform-banned user at sign-in and on protected calls', async () => {
    const banned = await seedUser(t.rt.db, { banned: { reason: 'spam' } })
    expect(
      await codeOf(anonCaller(t.rt).auth.signIn({ email: banned.email, password: banned.password })),
    ).toBe('AUTH006')
    expect(await codeOf((await callerFor(t.rt, banned.id)).auth.me())).toBe('AUTH006')
    const expired = await seedUser(t.rt.db, { banned: { reason: 'old', until: new Date(Date.now() - 1000) } })
    const res = await anonCaller(t.rt).auth.signIn({ email: expired.email, password: expired.password })
    expect(res.user.id).toBe(expired.id)
  })

  it('rate-limits sign-in per account and per IP with AUTH008', async () => {
    const user = await seedUser(t.rt.db)
    for (let i = 0; i < t.rt.config.signInLimits.perAccount; i++) {
      expect(
        await codeOf(anonCaller(t.rt).auth.signIn({ email: user.email, password: `wrong-${i}-xx` })),
      ).toBe('AUTH004')
    }
    // Even the right password is refused now, from any IP.
    expect(await codeOf(anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password }))).toBe(
      'AUTH008',
    )
    const ip = '203.0.113.7'
    const codes = []
    for (let i = 0; i <= t.rt.config.signInLimits.perIp; i++) {
      codes.push(
        await codeOf(
          anonCaller(t.rt, ip).auth.signIn({ email: `x${i}@example.com`, password: 'whatever-pass' }),
        ),
      )
    }
    expect(codes.at(-1)).toBe('AUTH008')
    expect(codes.slice(0, -1).every((c) => c === 'AUTH004')).toBe(true)
  })
})

describe('tokens and sessions', () => {
  it('rotates the refresh token; the old one no longer works and its reuse revokes the family', async () => {
    const user = await seedUser(t.rt.db)
    const first = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    const second = await anonCaller(t.rt).auth.refresh({ refreshToken: first.refreshToken })
    expect(second.refreshToken).not.toBe(first.refreshToken)
    const third = await anonCaller(t.rt).auth.refresh({ refreshToken: second.refreshToken })
    // The first token comes back: stolen. The whole family, including the newest token, is revoked.
    expect(await codeOf(anonCaller(t.rt).auth.refresh({ refreshToken: first.refreshToken }))).toBe('AUTH007')
    expect(await codeOf(anonCaller(t.rt).auth.refresh({ refreshToken: third.refreshToken }))).toBe('AUTH007')
    const live = await t.rt.db.session.count({ where: { userId: user.id, revokedAt: null } })
    expect(live).toBe(0)
  })

  it('a second sign-in is its own family: reuse in one does not end the other', async () => {
    const user = await seedUser(t.rt.db)
    const phone = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    const laptop = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    await anonCaller(t.rt).auth.refresh({ refreshToken: phone.refreshToken })
    await codeOf(anonCaller(t.rt).auth.refresh({ refreshToken: phone.refreshToken }))
    const still = await anonCaller(t.rt).auth.refresh({ refreshToken: laptop.refreshToken })
    expect(still.user.id).toBe(user.id)
  })

  it('sign-out revokes the refresh token', async () => {
    const user = await seedUser(t.rt.db)
    const s = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    await anonCaller(t.rt).auth.signOut({ refreshToken: s.refreshToken })
    expect(await codeOf(anonCaller(t.rt).auth.refresh({ refreshToken: s.refreshToken }))).toBe('AUTH007')
  })

  it('refuses refresh for a user banned after sign-in, and revokes their sessions', async () => {
    const user = await seedUser(t.rt.db)
    const s = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    await t.rt.db.user.update({ where: { id: user.id }, data: { isBanned: true, banReason: 'abuse' } })
    expect(await codeOf(anonCaller(t.rt).auth.refresh({ refreshToken: s.refreshToken }))).toBe('AUTH006')
    expect(await t.rt.db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0)
  })

  it('refuses an expired access token with AUTH002, a forged one with AUTH001, none with AUTH003', async () => {
    const user = await seedUser(t.rt.db)
    const past = new Date(Date.now() - 16 * 60 * 1000)
    const { token } = await signAccessToken(t.rt.config, { userId: user.id, sessionFamily: 'f' }, past)
    expect(await codeOf((await callerWithToken(t.rt, token)).auth.me())).toBe('AUTH002')
    const forged = await signAccessToken(
      { ...t.rt.config, jwtSecret: 'another-secret-another-secret-another-0' },
      { userId: user.id, sessionFamily: 'f' },
      new Date(),
    )
    expect(await codeOf((await callerWithToken(t.rt, forged.token)).auth.me())).toBe('AUTH001')
    expect(await codeOf(anonCaller(t.rt).auth.me())).toBe('AUTH003')
  })

  it('access tokens last 15 minutes and refresh tokens 7 days', async () => {
    const user = await seedUser(t.rt.db)
    const s = await anonCaller(t.rt).auth.signIn({ email: user.email, password: user.password })
    const accessSeconds = (s.accessTokenExpiresAt.getTime() - Date.now()) / 1000
    const refreshDays = (s.refreshTokenExpiresAt.getTime() - Date.now()) / 86_400_000
    expect(accessSeconds).toBeGreaterThan(14 * 60)
    expect(accessSeconds).toBeLessThanOrEqual(15 * 60)
    expect(refreshDays).toBeGreaterThan(6.99)
    expect(refreshDays).toBeLessThanOrEqual(7)
  })
})

describe('devices', () => {
  it('registers a push token once per token and moves it to the user who registers it again', async () => {
    const a = await seedUser(t.rt.db)
    const b = await seedUser(t.rt.db)
    const token = `fcm-token-${Date.now()}-abcdef`
    await (await callerFor(t.rt, a.id)).devices.register({ pushToken: token, platform: 'ANDROID' })
    await (await callerFor(t.rt, a.id)).devices.register({ pushToken: token, platform: 'ANDROID' })
    expect(await t.rt.db.device.count({ where: { pushToken: token } })).toBe(1)
    await (await callerFor(t.rt, b.id)).devices.register({ pushToken: token, platform: 'IOS' })
    const device = await t.rt.db.device.findUniqueOrThrow({ where: { pushToken: token } })
    expect(device).toMatchObject({ userId: b.id, platform: 'IOS' })
  })
})
