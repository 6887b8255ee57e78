// HMAC-signed, expiring links for the local-folder backend: the api's stand-in for S3 presigned URLs.
// The link carries everything the route may do (operation, object, size cap), so the route trusts only it.
import { createHmac, timingSafeEqual } from 'node:crypto'

export type LocalLink =
  | { op: 'put'; key: string; maxBytes: number; exp: number }
  | { op: 'part'; key: string; uploadId: string; partNumber: number; maxBytes: number; exp: number }
  | { op: 'get'; key: string; fileName: string; contentType: string; exp: number }

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest()

export function signLink(secret: string, link: LocalLink) {
  const payload = Buffer.from(JSON.stringify(link)).toString('base64url')
  return `${payload}.${mac(secret, payload).toString('base64url')}`
}

/** The link a token grants, or null when it was forged, tampered with or has expired. */
export function verifyLink(secret: string, token: string, now: Date): LocalLink | null {
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = mac(secret, payload)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const link = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LocalLink
    return link.exp * 1000 > now.getTime() ? link : null
  } catch {
    return null
  }
}

export const expiryOf = (now: Date, expiresInSeconds: number) =>
  Math.floor(now.getTime() / 1000) + expiresInSeconds
