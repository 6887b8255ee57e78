// The in-app list through the router: cursor pages newest first, unread filter, mark read (only your
// own), mark all read, unread count; preference input validated with the field named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { fanOutMessage } from './message-fan-out.ts'
import { notificationWorld, settableClock } from './notification-fixtures.ts'

async function refusal(p: Promise<unknown>) {
  try {
    await p
    return 'resolved'
  } catch (err) {
    const app = (err as { cause?: { code?: string; field?: string } }).cause
    return { code: app?.code, field: app?.field }
  }
}

const clock = settableClock(new Date('2026-06-01T12:00:00Z'))
let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime({ overrides: { clock } })
})
afterAll(async () => {
  await t.close()
})

describe('notifications router', () => {
  it('pages the list newest first by cursor and keeps read state per user', async () => {
    const w = await notificationWorld(t.rt, 1)
    const [reader] = w.others as [typeof w.host]
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(Date.parse('2026-06-01T12:00:00Z') + i * 60_000))
      await fanOutMessage(t.rt, (await w.post(w.host.id, `m${i}`, { mentions: [reader.id] })).id)
    }
    const api = await w.as(reader)
    const page1 = await api.notifications.list({ limit: 2 })
    expect(page1.items.map((n) => n.body)).toEqual(['m4', 'm3'])
    expect(page1.unreadCount).toBe(5)
    const page2 = await api.notifications.list({ limit: 2, cursor: page1.nextCursor! })
    expect(page2.items.map((n) => n.body)).toEqual(['m2', 'm1'])
    const page3 = await api.notifications.list({ limit: 2, cursor: page2.nextCursor! })
    expect(page3.items.map((n) => n.body)).toEqual(['m0'])
    expect(page3.nextCursor).toBeNull()

    // Someone else's ids change nothing.
    const stranger = await w.as(w.mod)
    expect(await stranger.notifications.markRead({ ids: [page1.items[0]!.id] })).toMatchObject({ updated: 0 })
    expect((await api.notifications.unreadCount()).unreadCount).toBe(5)

    expect(await api.notifications.markRead({ ids: [page1.items[0]!.id, page1.items[1]!.id] })).toEqual({
      updated: 2,
      unreadCount: 3,
    })
    expect((await api.notifications.list({ unreadOnly: true })).items.map((n) => n.body)).toEqual([
      'm2',
      'm1',
      'm0',
    ])
    expect(await api.notifications.unreadCount()).toEqual({ unreadCount: 3 })
    expect(await api.notifications.markAllRead()).toEqual({ updated: 3, unreadCount: 0 })
    expect(await api.notifications.unreadCount()).toEqual({ unreadCount: 0 })
  })

  it('rejects a bad time zone or clock time as a validation error and changes nothing', async () => {
    const w = await notificationWorld(t.rt, 0)
    const api = await w.as(w.host)
    const before = await api.notifications.preferences()
    expect(await refusal(api.notifications.updatePreferences({ timeZone: 'Mars/Olympus' }))).toEqual({
      code: 'SYS001',
      field: 'timeZone',
    })
    expect(
      await refusal(api.notifications.updatePreferences({ quietHours: { start: '25:00', end: '07:00' } })),
    ).toEqual({ code: 'SYS001', field: 'quietHours.start' })
    expect(await api.notifications.preferences()).toEqual(before)
    const after = await api.notifications.updatePreferences({
      timeZone: 'Europe/Paris',
      quietHours: { start: '23:00', end: '06:30' },
    })
    expect(after).toMatchObject({ timeZone: 'Europe/Paris', quietHours: { start: '23:00', end: '06:30' } })
    expect(await api.notifications.updatePreferences({ quietHours: null })).toMatchObject({
      quietHours: null,
    })
  })
})
