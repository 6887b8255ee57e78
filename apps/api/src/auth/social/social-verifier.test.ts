// Google and Apple tokens against a loopback JWKS server; Firebase through an injected fake Auth.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createSocialVerifier,
  type FirebaseAuthLike,
  type SocialProvider,
  SocialTokenError,
  type SocialTokenErrorReason,
  type SocialVerifierConfig,
} from './social-verifier.ts'

const NOW = new Date('2030-06-01T12:00:00Z')
const NOW_S = Math.floor(NOW.getTime() / 1000)
const now = () => NOW
const KID = 'key-1'

let server: Server
let baseUrl: string
let signingKey: CryptoKey
let impostorKey: CryptoKey
const hits: Record<string, number> = {}

beforeAll(async () => {
  const published = await generateKeyPair('RS256')
  signingKey = published.privateKey
  impostorKey = (await generateKeyPair('RS256')).privateKey
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(published.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }],
  })
  server = createServer((req, res) => {
    const path = req.url ?? ''
    hits[path] = (hits[path] ?? 0) + 1
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
})

async function expectReason(promise: Promise<unknown>, reason: SocialTokenErrorReason): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(SocialTokenError)
  expect((error as SocialTokenError).reason).toBe(reason)
}

type Case = {
  provider: 'GOOGLE' | 'APPLE'
  issuer: string
  config: (jwksUrl: string) => SocialVerifierConfig
  claims: JWTPayload
  expectedEmailVerified: boolean
  expectedName: string | null
}

const cases: Case[] = [
  {
    provider: 'GOOGLE',
    issuer: 'https://accounts.google.com',
    config: (jwksUrl) => ({
      google: {
        clientIds: ['google-web', 'google-ios'],
        jwksUrl,
        issuers: ['https://accounts.google.com', 'accounts.google.com'],
      },
    }),
    claims: { email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' },
    expectedEmailVerified: true,
    expectedName: 'Ada Lovelace',
  },
  {
    provider: 'APPLE',
    issuer: 'https://appleid.apple.com',
    config: (jwksUrl) => ({
      apple: {
        clientIds: ['com.connecto.web', 'com.connecto.ios'],
        jwksUrl,
        issuer: 'https://appleid.apple.com',
      },
    }),
    claims: { email: 'ada@privaterelay.appleid.com', email_verified: 'true' },
    expectedEmailVerified: true,
    expectedName: null,
  },
]

describe.each(cases)(
  '$provider',
  ({ provider, issuer, config, claims, expectedEmailVerified, expectedName }) => {
    const path = `/${provider.toLowerCase()}/keys`
    const jwksUrl = () => `${baseUrl}${path}`
    const audience = provider === 'GOOGLE' ? 'google-ios' : 'com.connecto.ios'

    function sign(
      options: {
        key?: CryptoKey
        kid?: string
        iss?: string
        aud?: string
        exp?: number
        payload?: JWTPayload
      } = {},
    ): Promise<string> {
      return new SignJWT({ ...claims, ...options.payload })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID })
        .setSubject('account-123')
        .setIssuer(options.iss ?? issuer)
        .setAudience(options.aud ?? audience)
        .setIssuedAt(NOW_S - 60)
        .setExpirationTime(options.exp ?? NOW_S + 3600)
        .sign(options.key ?? signingKey)
    }

    const verifier = () => createSocialVerifier(config(jwksUrl()), { now })

    it('returns the identity for a valid token', async () => {
      await expect(verifier().verify(provider, await sign())).resolves.toEqual({
        provider,
        providerAccountId: 'account-123',
        email: claims.email,
        emailVerified: expectedEmailVerified,
        name: expectedName,
      })
    })

    it('fetches the key set once and reuses it', async () => {
      const subject = verifier()
      const before = hits[path] ?? 0
      await subject.verify(provider, await sign())
      await subject.verify(provider, await sign())
      expect((hits[path] ?? 0) - before).toBe(1)
    })

    it('accepts a token that expired within the 5 s clock tolerance', async () => {
      await expect(verifier().verify(provider, await sign({ exp: NOW_S - 3 }))).resolves.toMatchObject({
        provider,
      })
    })

    it('reports email as unverified when the claim is false or absent', async () => {
      const unverified = await sign({ payload: { email_verified: 'false' } })
      await expect(verifier().verify(provider, unverified)).resolves.toMatchObject({ emailVerified: false })
      const noEmail = await sign({ payload: { email: undefined, email_verified: undefined } })
      await expect(verifier().verify(provider, noEmail)).resolves.toMatchObject({
        email: null,
        emailVerified: false,
      })
    })

    it('rejects another audience as WRONG_AUDIENCE', async () => {
      await expectReason(verifier().verify(provider, await sign({ aud: 'someone-else' })), 'WRONG_AUDIENCE')
    })

    it('rejects an expired token as EXPIRED', async () => {
      await expectReason(verifier().verify(provider, await sign({ exp: NOW_S - 10 })), 'EXPIRED')
    })

    it('rejects a token signed by another key under the same kid as BAD_SIGNATURE', async () => {
      await expectReason(verifier().verify(provider, await sign({ key: impostorKey })), 'BAD_SIGNATURE')
    })

    it('rejects an unknown kid as UNKNOWN_KEY', async () => {
      await expectReason(
        verifier().verify(provider, await sign({ key: impostorKey, kid: 'key-2' })),
        'UNKNOWN_KEY',
      )
    })

    it('rejects another issuer as INVALID', async () => {
      await expectReason(verifier().verify(provider, await sign({ iss: 'https://evil.example' })), 'INVALID')
    })

    it('rejects algorithms other than RS256 as INVALID', async () => {
      const ps256 = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'PS256', kid: KID })
        .setSubject('account-123')
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime(NOW_S + 3600)
        .sign((await generateKeyPair('PS256')).privateKey)
      await expectReason(verifier().verify(provider, ps256), 'INVALID')
    })

    it('rejects an HS256 token and garbage as INVALID', async () => {
      const hs256 = await new SignJWT({ sub: 'account-123' })
        .setProtectedHeader({ alg: 'HS256', kid: KID })
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime(NOW_S + 3600)
        .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough-for-hs256'))
      await expectReason(verifier().verify(provider, hs256), 'INVALID')
      await expectReason(verifier().verify(provider, 'not-a-jwt'), 'INVALID')
      await expectReason(verifier().verify(provider, ''), 'INVALID')
    })

    it('rejects a token without a subject as INVALID', async () => {
      const token = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: KID })
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime(NOW_S + 3600)
        .sign(signingKey)
      await expectReason(verifier().verify(provider, token), 'INVALID')
    })

    it('reports NOT_CONFIGURED when the provider has no config or no client ids', async () => {
      const other: SocialProvider = provider === 'GOOGLE' ? 'APPLE' : 'GOOGLE'
      const subject = verifier()
      expect(subject.isConfigured(provider)).toBe(true)
      expect(subject.isConfigured(other)).toBe(false)
      await expectReason(subject.verify(other, await sign()), 'NOT_CONFIGURED')
      await expectReason(createSocialVerifier({}).verify(provider, await sign()), 'NOT_CONFIGURED')
      const emptyIds = createSocialVerifier({ google: { clientIds: [' '] }, apple: { clientIds: [] } })
      expect(emptyIds.isConfigured(provider)).toBe(false)
      await expectReason(emptyIds.verify(provider, await sign()), 'NOT_CONFIGURED')
    })

    it('names the first configured client id as the one a browser signs in with', () => {
      const subject = verifier()
      expect(subject.webClientId(provider)).toBe(provider === 'GOOGLE' ? 'google-web' : 'com.connecto.web')
      expect(subject.webClientId(provider === 'GOOGLE' ? 'APPLE' : 'GOOGLE')).toBeNull()
      expect(createSocialVerifier({ google: { clientIds: [' '] } }).webClientId('GOOGLE')).toBeNull()
    })
  },
)

describe('JWKS endpoint unreachable', () => {
  it('fails as INVALID and keeps the fetch error as cause', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const subject = createSocialVerifier({
      google: { clientIds: ['google-web'], jwksUrl: `http://127.0.0.1:${port}/` },
    })
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject('account-123')
      .setIssuer('https://accounts.google.com')
      .setAudience('google-web')
      .setExpirationTime('1h')
      .sign(signingKey)
    const error = await subject.verify('GOOGLE', token).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SocialTokenError)
    expect((error as SocialTokenError).reason).toBe('INVALID')
    expect((error as SocialTokenError).cause).toBeDefined()
  })
})

describe('FIREBASE with an injected Auth', () => {
  function fakeAuth(
    verifyIdToken: FirebaseAuthLike['verifyIdToken'],
  ): FirebaseAuthLike & { calls: unknown[][] } {
    const calls: unknown[][] = []
    return {
      calls,
      verifyIdToken: (...args) => {
        calls.push(args)
        return verifyIdToken(...args)
      },
    }
  }
  const config: SocialVerifierConfig = { firebase: { projectId: 'connecto-test' } }

  it('maps uid to providerAccountId and never asks for a revocation check', async () => {
    const auth = fakeAuth(async () => ({
      uid: 'fb-uid-1',
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada',
    }))
    const subject = createSocialVerifier(config, { firebaseAuth: auth })
    expect(subject.isConfigured('FIREBASE')).toBe(true)
    await expect(subject.verify('FIREBASE', 'token-abc')).resolves.toEqual({
      provider: 'FIREBASE',
      providerAccountId: 'fb-uid-1',
      email: 'ada@example.com',
      emailVerified: true,
      name: 'Ada',
    })
    expect(auth.calls).toEqual([['token-abc', false]])
  })

  it('normalises a token without email or name', async () => {
    const subject = createSocialVerifier(config, {
      firebaseAuth: fakeAuth(async () => ({ uid: 'fb-uid-2' })),
    })
    await expect(subject.verify('FIREBASE', 'token')).resolves.toEqual({
      provider: 'FIREBASE',
      providerAccountId: 'fb-uid-2',
      email: null,
      emailVerified: false,
      name: null,
    })
  })

  it('maps auth/id-token-expired to EXPIRED', async () => {
    const expired = Object.assign(new Error('Firebase ID token has expired.'), {
      code: 'auth/id-token-expired',
    })
    const subject = createSocialVerifier(config, { firebaseAuth: fakeAuth(() => Promise.reject(expired)) })
    await expectReason(subject.verify('FIREBASE', 'token'), 'EXPIRED')
  })

  it('maps any other SDK failure to INVALID', async () => {
    const other = Object.assign(new Error('Firebase ID token has incorrect "aud"'), {
      code: 'auth/argument-error',
    })
    const subject = createSocialVerifier(config, { firebaseAuth: fakeAuth(() => Promise.reject(other)) })
    await expectReason(subject.verify('FIREBASE', 'token'), 'INVALID')
    const plain = createSocialVerifier(config, {
      firebaseAuth: fakeAuth(() => Promise.reject(new Error('boom'))),
    })
    await expectReason(plain.verify('FIREBASE', 'token'), 'INVALID')
  })

  it('reports NOT_CONFIGURED without a project id', async () => {
    const subject = createSocialVerifier({}, { firebaseAuth: fakeAuth(async () => ({ uid: 'x' })) })
    expect(subject.isConfigured('FIREBASE')).toBe(false)
    await expectReason(subject.verify('FIREBASE', 'token'), 'NOT_CONFIGURED')
  })
})
