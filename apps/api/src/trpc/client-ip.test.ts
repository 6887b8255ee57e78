import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientIp } from './context.ts'

const req = (peer: string, xff?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: xff ? { 'x-forwarded-for': xff } : {},
  }) as unknown as IncomingMessage

describe('clientIp', () => {
  const trusted = ['127.0.0.1']
  it('ignores X-Forwarded-For from an untrusted peer, so callers cannot dodge per-IP limits', () => {
    expect(clientIp(req('198.51.100.4', '1.2.3.4'), trusted)).toBe('198.51.100.4')
  })
  it('takes the hop the trusted proxy added, not one the client wrote', () => {
    expect(clientIp(req('127.0.0.1', '6.6.6.6, 203.0.113.9'), trusted)).toBe('203.0.113.9')
    expect(clientIp(req('127.0.0.1'), trusted)).toBe('127.0.0.1')
  })
})
