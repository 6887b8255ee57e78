// Focus claims, with Redis (shared by nodes) and in-process: per planet, so two devices on two chats
// both count; they lapse 30 s after the last report; `null` drops the user's claims at once.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestRuntime, redisSkipReason } from '../../test/harness.ts'
import { FOCUS_TTL_MS, setFocus, usersLookingAt } from './focus.ts'

const modes = [
  { name: 'in-process', redis: false, skip: null },
  { name: 'redis', redis: true, skip: redisSkipReason() },
]

describe.each(modes)('focus ($name)', ({ redis, skip }) => {
  let t: Awaited<ReturnType<typeof createTestRuntime>>
  beforeAll(async () => {
    if (!skip) t = await createTestRuntime({ redis })
  })
  afterAll(async () => {
    await t?.close()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it.skipIf(skip)('counts each planet a client reports, until it lapses or the user looks away', async () => {
    const [u1, u2] = [`focus-a-${Date.now()}`, `focus-b-${Date.now()}`]
    await setFocus(t.rt, u1, 'planet-1')
    await setFocus(t.rt, u1, 'planet-2') // a second device on another chat
    await setFocus(t.rt, u2, 'planet-2')
    expect(await usersLookingAt(t.rt, 'planet-1', [u1, u2])).toEqual(new Set([u1]))
    expect(await usersLookingAt(t.rt, 'planet-2', [u1, u2])).toEqual(new Set([u1, u2]))

    await setFocus(t.rt, u2, null)
    expect(await usersLookingAt(t.rt, 'planet-2', [u1, u2])).toEqual(new Set([u1]))

    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + FOCUS_TTL_MS + 1000)
    expect(await usersLookingAt(t.rt, 'planet-2', [u1, u2])).toEqual(new Set())
  })
})
