// Profile and settings through the router against real Postgres: update and read back with the
// recomputed completion, settings merged into preferences without dropping other keys, invalid input
// refused with nothing changed, and readReceipts=false hiding the user from reads.readBy.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, codeOf, createTestRuntime } from '../../test/harness.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(async () => {
  await t.close()
})

describe('users.profile / updateProfile / updateSettings', () => {
  it('updates the profile, recomputes completion and reads it back', async () => {
    const user = await seedUser(t.rt.db)
    const me = await callerFor(t.rt, user.id)
    await me.users.updateProfile({ nickname: 'Mina', name: 'Mina Park', age: 29, bio: 'Loves trains' })
    const profile = await me.users.profile()
    expect(profile).toMatchObject({
      nickname: 'Mina',
      name: 'Mina Park',
      age: 29,
      occupation: null,
      bio: 'Loves trains',
      profileCompletion: 80,
      settings: { privacy: { lastSeenVisible: true, readReceipts: true }, theme: 'system' },
    })
    // A blank text clears the field and lowers completion.
    await me.users.updateProfile({ bio: '   ' })
    expect(await me.users.profile()).toMatchObject({ bio: null, profileCompletion: 60 })
    expect((await me.auth.me()).avatarFileId).toBeNull()
  })

  it('merges settings into preferences and keeps unrelated keys', async () => {
    const user = await seedUser(t.rt.db)
    await t.rt.db.profile.update({
      where: { userId: user.id },
      data: { preferences: { notifications: { push: false }, privacy: { lastSeenVisible: false } } },
    })
    const me = await callerFor(t.rt, user.id)
    await me.users.updateSettings({ privacy: { readReceipts: false }, theme: 'dark', timeZone: 'Asia/Seoul' })
    await me.users.updateSettings({ language: 'ko' })
    const { settings } = await me.users.profile()
    expect(settings).toEqual({
      privacy: { lastSeenVisible: false, readReceipts: false },
      theme: 'dark',
      language: 'ko',
      timeZone: 'Asia/Seoul',
    })
    const stored = await t.rt.db.profile.findUniqueOrThrow({ where: { userId: user.id } })
    expect(stored.preferences).toMatchObject({ notifications: { push: false } })
  })

  it('refuses invalid input with SYS001 and changes nothing', async () => {
    const user = await seedUser(t.rt.db)
    const me = await callerFor(t.rt, user.id)
    const before = await me.users.profile()
    expect(await codeOf(me.users.updateProfile({ nickname: 'x'.repeat(31), bio: 'new' }))).toBe('SYS001')
    expect(await codeOf(me.users.updateProfile({ age: 500 }))).toBe('SYS001')
    expect(await codeOf(me.users.updateProfile({ bio: 'b'.repeat(501) }))).toBe('SYS001')
    expect(await codeOf(me.users.updateSettings({ timeZone: 'Mars/Olympus', theme: 'dark' }))).toBe('SYS001')
    expect(await codeOf(me.users.updateSettings({ theme: 'neon' as 'dark' }))).toBe('SYS001')
    const field = await me.users
      .updateProfile({ age: 5 })
      .catch((err: { cause?: { field?: string } }) => err.cause)
    expect(field).toMatchObject({ field: 'age' })
    expect(await me.users.profile()).toEqual(before)
  })

  it('hides a reader from reads.readBy once readReceipts is off', async () => {
    const host = await seedUser(t.rt.db)
    const guest = await seedUser(t.rt.db)
    const { general } = await seedTravel(t.rt.db, { hostId: host.id, members: [{ userId: guest.id }] })
    const hostApi = await callerFor(t.rt, host.id)
    const guestApi = await callerFor(t.rt, guest.id)
    const m = await hostApi.messages.send({
      planetId: general.id,
      clientMessageId: `users-${Date.now()}`,
      content: 'hi',
    })
    await guestApi.reads.markRead({ planetId: general.id, messageId: m.id })
    const readers = () => hostApi.reads.readBy({ planetId: general.id, messageId: m.id })
    expect((await readers()).map((r) => r.userId)).toEqual([guest.id])
    await guestApi.users.updateSettings({ privacy: { readReceipts: false } })
    expect(await readers()).toEqual([])
  })
})
