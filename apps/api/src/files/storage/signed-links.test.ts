import { describe, expect, it } from 'vitest'
import { type LocalLink, signLink, verifyLink } from './signed-links.ts'

const secret = 'test-secret'
const now = new Date('2026-11-23T12:00:00Z')
const link: LocalLink = {
  op: 'get',
  key: 'uploads/u/f.png',
  fileName: 'f.png',
  contentType: 'image/png',
  exp: now.getTime() / 1000 + 60,
}

describe('signed local links', () => {
  it('grants exactly what was signed until it expires', () => {
    const token = signLink(secret, link)
    expect(verifyLink(secret, token, now)).toEqual(link)
    expect(verifyLink(secret, token, new Date(now.getTime() + 60_000))).toBeNull()
  })

  it('refuses another secret, a changed payload and malformed tokens', () => {
    const token = signLink(secret, link)
    expect(verifyLink('other-secret', token, now)).toBeNull()
    const [, signature] = token.split('.')
    const changed = Buffer.from(JSON.stringify({ ...link, key: 'uploads/other' })).toString('base64url')
    expect(verifyLink(secret, `${changed}.${signature}`, now)).toBeNull()
    expect(verifyLink(secret, 'garbage', now)).toBeNull()
    expect(verifyLink(secret, `${token}.extra`, now)).toBeNull()
  })
})
