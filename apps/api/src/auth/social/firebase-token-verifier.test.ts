// The real firebase-admin path: malformed tokens must be rejected locally, before any request to Google.
import http from 'node:http'
import http2 from 'node:http2'
import https from 'node:https'
import { deleteApp, getApps } from 'firebase-admin/app'
import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FIREBASE_APP_NAME } from './firebase-token-verifier.ts'
import { createSocialVerifier, SocialTokenError } from './social-verifier.ts'

const PROJECT_ID = 'connecto-test'

describe('FIREBASE through firebase-admin (no credentials)', () => {
  const network = [
    () => vi.spyOn(https, 'request'),
    () => vi.spyOn(http, 'request'),
    () => vi.spyOn(http2, 'connect'),
    () => vi.spyOn(globalThis, 'fetch'),
  ]
  let spies: ReturnType<typeof vi.spyOn>[] = []

  beforeEach(() => {
    spies = network.map((spy) => spy())
  })

  afterEach(() => {
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    vi.restoreAllMocks()
  })

  afterAll(async () => {
    await Promise.all(
      getApps()
        .filter((app) => app.name === FIREBASE_APP_NAME)
        .map((app) => deleteApp(app)),
    )
  })

  async function expectInvalid(promise: Promise<unknown>): Promise<void> {
    const error = await promise.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SocialTokenError)
    expect((error as SocialTokenError).reason).toBe('INVALID')
  }

  it('rejects a garbage token as INVALID', { timeout: 2_000 }, async () => {
    const verifier = createSocialVerifier({ firebase: { projectId: PROJECT_ID } })
    await expectInvalid(verifier.verify('FIREBASE', 'garbage'))
  })

  it('rejects a well-formed token for another project as INVALID', { timeout: 2_000 }, async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'firebase-kid' })
      .setSubject('fb-uid-1')
      .setIssuer('https://securetoken.google.com/another-project')
      .setAudience('another-project')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey)
    const verifier = createSocialVerifier({ firebase: { projectId: PROJECT_ID } })
    await expectInvalid(verifier.verify('FIREBASE', token))
  })

  it('reuses the named app for the same project and refuses another project', () => {
    createSocialVerifier({ firebase: { projectId: PROJECT_ID } })
    createSocialVerifier({ firebase: { projectId: PROJECT_ID } })
    expect(getApps().filter((app) => app.name === FIREBASE_APP_NAME)).toHaveLength(1)
    expect(() => createSocialVerifier({ firebase: { projectId: 'other-project' } })).toThrow(
      /another project/,
    )
  })

  it('does not echo malformed credentials in its error', () => {
    const secret = '{"private_key": "-----BEGIN PRIVATE KEY-----SECRET'
    expect(() =>
      createSocialVerifier({ firebase: { projectId: 'fresh-project', credentialsJson: secret } }),
    ).toThrow(/^firebase credentialsJson is not valid JSON$/)
  })
})
