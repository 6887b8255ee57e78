import { describe, expect, it } from 'vitest'
import { AWAY_TTL_SECONDS, createMemoryAwayStore } from './away-store.ts'
import { Inbox } from './inbox.ts'
import { lastSeenVisible, readReceiptsVisible } from './privacy.ts'
import { createMemoryTypingStore } from './typing-store.ts'

describe('in-process typing store', () => {
  it('keeps an entry until its expiry and reports whether a stop ended one', async () => {
    const store = createMemoryTypingStore()
    await store.start('p1', 'u1', 0, 5000)
    await store.start('p1', 'u2', 0, 3000)
    expect(await store.list('p1', 2999)).toEqual(['u1', 'u2'])
    expect(await store.list('p1', 3000)).toEqual(['u1'])
    expect(await store.expiresAt('p1', 'u1', 4999)).toBe(5000)
    expect(await store.expiresAt('p1', 'u1', 5000)).toBeNull()
    await store.start('p1', 'u1', 5000, 10_000)
    expect(await store.stop('p1', 'u1')).toBe(true)
    expect(await store.stop('p1', 'u1')).toBe(false)
    expect(await store.list('p1', 0)).toEqual([])
  })
})

describe('in-process away store', () => {
  it('marks away until cleared or until the flag lapses', async () => {
    let now = 0
    const store = createMemoryAwayStore(() => now)
    await store.set('u1', true)
    expect(await store.away(['u1', 'u2'])).toEqual(new Set(['u1']))
    now = AWAY_TTL_SECONDS * 1000
    expect(await store.away(['u1'])).toEqual(new Set())
    await store.set('u1', true)
    await store.set('u1', false)
    expect(await store.away(['u1'])).toEqual(new Set())
  })
})

describe('inbox', () => {
  it('yields in order across producers, ends on abort, and rethrows a producer failure', async () => {
    const abort = new AbortController()
    const inbox = new Inbox<number>(abort.signal)
    inbox.push(1)
    inbox.push(2)
    const seen: number[] = []
    const drained = (async () => {
      for await (const n of inbox.drain()) {
        seen.push(n)
        if (n === 3) abort.abort()
      }
    })()
    setTimeout(() => inbox.push(3), 5)
    await drained
    expect(seen).toEqual([1, 2, 3])

    const failing = new Inbox<number>()
    failing.fail(new Error('db down'))
    await expect(failing.drain().next()).rejects.toThrow('db down')
  })
})

describe('privacy switches', () => {
  it('are on unless turned off explicitly', () => {
    expect(readReceiptsVisible(null)).toBe(true)
    expect(readReceiptsVisible({ privacy: { lastSeenVisible: false } })).toBe(true)
    expect(readReceiptsVisible({ privacy: { readReceipts: false } })).toBe(false)
    expect(lastSeenVisible({ privacy: { lastSeenVisible: false } })).toBe(false)
    expect(lastSeenVisible('junk')).toBe(true)
  })
})
