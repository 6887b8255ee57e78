import { describe, expect, it, vi } from 'vitest'
import {
  accessTokenExpiry,
  createTokenSession,
  memoryTokenStore,
  RefreshError,
  type Tokens,
} from './token-session.ts'

const NOW = 1_800_000_000_000
/** An unsigned JWT-shaped token expiring at `expMs` (the client only reads `exp`). */
const jwt = (expMs: number, id = 'a') => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'HS256' })}.${part({ sub: id, exp: Math.floor(expMs / 1000) })}.sig`
}

function setup(tokens: Tokens | null, refresh: (rt: string) => Promise<Tokens>) {
  const store = memoryTokenStore(tokens)
  const onSignedOut = vi.fn()
  const spy = vi.fn(refresh)
  const session = createTokenSession({ store, refresh: spy, onSignedOut, now: () => NOW })
  return { store, session, refresh: spy, onSignedOut }
}

describe('token session', () => {
  it('reads the expiry of a JWT and null for anything else', () => {
    expect(accessTokenExpiry(jwt(NOW + 60_000))).toBe(Math.floor((NOW + 60_000) / 1000) * 1000)
    expect(accessTokenExpiry('not-a-jwt')).toBeNull()
    expect(accessTokenExpiry('a.!!!.c')).toBeNull()
  })

  it('hands out a valid token without refreshing, and refreshes one about to expire first', async () => {
    const fresh = jwt(NOW + 10 * 60_000)
    const t = setup({ accessToken: fresh, refreshToken: 'r1' }, async () => ({
      accessToken: 'x',
      refreshToken: 'r2',
    }))
    expect(await t.session.accessToken()).toBe(fresh)
    expect(t.refresh).not.toHaveBeenCalled()

    const next = jwt(NOW + 15 * 60_000, 'b')
    const u = setup({ accessToken: jwt(NOW + 10_000), refreshToken: 'r1' }, async () => ({
      accessToken: next,
      refreshToken: 'r2',
    }))
    expect(await u.session.accessToken()).toBe(next)
    expect(u.refresh).toHaveBeenCalledWith('r1')
    expect(await u.store.get()).toEqual({ accessToken: next, refreshToken: 'r2' })
  })

  it('shares one refresh between concurrent callers (refresh tokens rotate)', async () => {
    const stale = jwt(NOW + 10 * 60_000)
    let release!: () => void
    const gate = new Promise<void>((r) => {
      release = r
    })
    const t = setup({ accessToken: stale, refreshToken: 'r1' }, async () => {
      await gate
      return { accessToken: 'new-access', refreshToken: 'r2' }
    })
    const calls = Promise.all([t.session.expired(stale), t.session.expired(stale), t.session.expired(stale)])
    await new Promise((r) => setTimeout(r, 5))
    // While the refresh is in flight, a plain request waits for it instead of sending the old token.
    const during = t.session.accessToken()
    release()
    expect(await calls).toEqual(['new-access', 'new-access', 'new-access'])
    expect(await during).toBe('new-access')
    expect(t.refresh).toHaveBeenCalledTimes(1)
    // A late caller holding the old token gets the replacement without another refresh.
    expect(await t.session.expired(stale)).toBe('new-access')
    expect(t.refresh).toHaveBeenCalledTimes(1)
  })

  it('signs out when the refresh token is refused, and keeps the session when the server is unreachable', async () => {
    const stale = jwt(NOW - 1000)
    const refused = setup({ accessToken: stale, refreshToken: 'r1' }, async () => {
      throw new RefreshError('rejected', new Error('AUTH007'))
    })
    expect(await refused.session.expired(stale)).toBeNull()
    expect(refused.onSignedOut).toHaveBeenCalledTimes(1)
    expect(await refused.store.get()).toBeNull()
    expect(await refused.session.accessToken()).toBeNull()

    const offline = setup({ accessToken: stale, refreshToken: 'r1' }, async () => {
      throw new RefreshError('unreachable', new Error('fetch failed'))
    })
    await expect(offline.session.accessToken()).rejects.toThrow(RefreshError)
    expect(offline.onSignedOut).not.toHaveBeenCalled()
    expect(await offline.store.get()).toEqual({ accessToken: stale, refreshToken: 'r1' })
  })
})
