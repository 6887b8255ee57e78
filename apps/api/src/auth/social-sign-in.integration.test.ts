// Social sign-in through the router: a Google ID token verified against a loopback key-set server
// finds or creates the user and profile; a bad token is AUTH009, an unconfigured provider AUTH010.
import http from 'node:http'
import { seedUser } from '@connecto/db/seed'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonCaller, codeOf, createTestRuntime } from '../../test/harness.ts'
import { createSocialVerifier } from './social/index.ts'

const CLIENT_ID = 'connecto-web.apps.googleusercontent.com'
let t: Awaited<ReturnType<typeof createTestRuntime>>
let jwks: http.Server
let privateKey: CryptoKey

async function googleToken(claims: Record<string, unknown>, audience = CLIENT_ID) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer('https://accounts.google.com')
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey)
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256')
  privateKey = pair.privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
  jwks = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
  )
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()))
  const { port } = jwks.address() as { port: number }
  t = await createTestRuntime({
    overrides: {
      social: createSocialVerifier({
        google: { clientIds: [CLIENT_ID], jwksUrl: `http://127.0.0.1:${port}/certs` },
      }),
    },
  })
})
afterAll(async () => {
  await t.close()
  jwks.close()
})

describe('social sign-in', () => {
  it('creates the user, profile and identity on first sign-in and finds them on the next', async () => {
    const token = await googleToken({
      sub: 'google-123',
      email: 'Sora@Gmail.com',
      email_verified: true,
      name: 'Sora K',
    })
    const first = await anonCaller(t.rt).auth.socialSignIn({ provider: 'GOOGLE', idToken: token })
    expect(first.user).toMatchObject({ email: 'sora@gmail.com', nickname: 'Sora K', role: 'USER' })
    const again = await anonCaller(t.rt).auth.socialSignIn({
      provider: 'GOOGLE',
      idToken: await googleToken({ sub: 'google-123' }),
    })
    expect(again.user.id).toBe(first.user.id)
    const identities = await t.rt.db.identity.findMany({ where: { userId: first.user.id } })
    expect(identities.map((i) => [i.provider, i.providerAccountId])).toEqual([['GOOGLE', 'google-123']])
  })

  it('links to an existing account only through a verified email', async () => {
    const existing = await seedUser(t.rt.db, { email: 'jun@example.com' })
    const unverified = await anonCaller(t.rt)
      .auth.socialSignIn({
        provider: 'GOOGLE',
        idToken: await googleToken({
          sub: 'google-unverified',
          email: 'jun@example.com',
          email_verified: false,
        }),
      })
      .catch((e: { cause?: { code: string } }) => e.cause?.code)
    // An unverified email must not take over the account.
    expect(unverified).toBe('AUTH005')
    const linked = await anonCaller(t.rt).auth.socialSignIn({
      provider: 'GOOGLE',
      idToken: await googleToken({ sub: 'google-verified', email: 'jun@example.com', email_verified: true }),
    })
    expect(linked.user.id).toBe(existing.id)
  })

  it('refuses a token for another audience with AUTH009 and an unconfigured provider with AUTH010', async () => {
    const wrongAudience = await googleToken({ sub: 'x' }, 'someone-else.apps.googleusercontent.com')
    expect(
      await codeOf(anonCaller(t.rt).auth.socialSignIn({ provider: 'GOOGLE', idToken: wrongAudience })),
    ).toBe('AUTH009')
    expect(
      await codeOf(anonCaller(t.rt).auth.socialSignIn({ provider: 'APPLE', idToken: wrongAudience })),
    ).toBe('AUTH010')
    expect(await anonCaller(t.rt).auth.providers()).toEqual({
      google: true,
      apple: false,
      firebase: false,
      googleClientId: CLIENT_ID,
      appleClientId: null,
    })
  })

  it('refuses a banned user signing in with a valid social token', async () => {
    const token = await googleToken({ sub: 'google-banned', email: 'banned@gmail.com', email_verified: true })
    const res = await anonCaller(t.rt).auth.socialSignIn({ provider: 'GOOGLE', idToken: token })
    await t.rt.db.user.update({ where: { id: res.user.id }, data: { isBanned: true } })
    expect(await codeOf(anonCaller(t.rt).auth.socialSignIn({ provider: 'GOOGLE', idToken: token }))).toBe(
      'AUTH006',
    )
  })
})
