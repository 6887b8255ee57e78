// Who gets notified of a message and how: never the sender, never a member who muted the planet,
// mentions / replies / announcements typed as such, bursts merged, @all and @here only from staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { fanOutMessage } from './message-fan-out.ts'
import { delivery, notificationWorld } from './notification-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(async () => {
  await t.close()
})

describe('message fan-out', () => {
  it('notifies every other member, never the sender, and skips a member who muted the planet', async () => {
    const w = await notificationWorld(t.rt, 3)
    const [muted, mutedEarlier, plain] = w.others as [typeof w.host, typeof w.host, typeof w.host]
    await (await w.as(muted)).notifications.setPlanetNotifications({ planetId: w.general.id, muted: true })
    // A mute whose end has passed no longer holds anything back.
    await (await w.as(mutedEarlier)).notifications.setPlanetNotifications({
      planetId: w.general.id,
      muted: true,
      mutedUntil: new Date(Date.now() - 60_000),
    })
    const m = await w.post(w.host.id, 'Ferry leaves at 9')
    expect(await fanOutMessage(t.rt, m.id)).toBe(3)

    expect(await w.notificationsOf(w.host.id)).toEqual([])
    expect(await w.notificationsOf(muted.id)).toEqual([])
    for (const u of [w.mod, mutedEarlier, plain]) {
      const [n, ...rest] = await w.notificationsOf(u.id)
      expect(rest).toEqual([])
      expect(n).toMatchObject({
        type: 'MESSAGE',
        title: 'General',
        body: 'Hana: Ferry leaves at 9',
        count: 1,
      })
      expect(n!.data).toEqual({ travelId: w.travel.id, planetId: w.general.id, messageId: m.id })
      expect(delivery(n!, 'IN_APP')?.status).toBe('SENT')
      // Mail is held for the digest; MESSAGE mail is off by default.
      expect(delivery(n!, 'EMAIL')?.status).toBe('SKIPPED')
    }
  })

  it('types mentions, replies and announcements; mentions-only members get only what is aimed at them', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [quietOne, replier] = w.others as [typeof w.host, typeof w.host]
    await (await w.as(quietOne)).notifications.setPlanetNotifications({
      planetId: w.general.id,
      muted: false,
      mentionsOnly: true,
    })
    const original = await w.post(replier.id, 'Who has the tickets?')
    await fanOutMessage(t.rt, original.id)
    expect(await w.notificationsOf(quietOne.id)).toEqual([])

    const reply = await w.post(w.mod.id, 'I do', { replyToId: original.id, mentions: [quietOne.id] })
    await fanOutMessage(t.rt, reply.id)
    expect((await w.notificationsOf(replier.id)).map((n) => [n.type, n.title])).toEqual([
      ['REPLY', 'Minho replied to you in General'],
    ])
    expect((await w.notificationsOf(quietOne.id)).map((n) => [n.type, n.title])).toEqual([
      ['MENTION', 'Minho mentioned you in General'],
    ])

    const news = await w.post(w.host.id, 'Dinner moved to 7', { planetId: w.announcements.id })
    await fanOutMessage(t.rt, news.id)
    const last = (await w.notificationsOf(quietOne.id)).at(-1)!
    expect(last).toMatchObject({ type: 'ANNOUNCEMENT', title: 'Announcement in Announcements' })
    expect(delivery(last, 'EMAIL')?.status).toBe('PENDING')
  })

  it('merges a burst in one planet into one notification: "12 new messages in General"', async () => {
    const w = await notificationWorld(t.rt, 1)
    const [reader] = w.others as [typeof w.host]
    for (let i = 0; i < 12; i++) await fanOutMessage(t.rt, (await w.post(w.host.id, `msg ${i}`)).id)
    const [n, ...rest] = await w.notificationsOf(reader.id)
    expect(rest).toEqual([])
    expect(n).toMatchObject({ count: 12, title: 'General', body: '12 new messages in General', readAt: null })

    // Fan-outs running at once (parallel workers) still merge into one.
    const parallel = await Promise.all(Array.from({ length: 6 }, (_, i) => w.post(w.mod.id, `p${i}`)))
    await Promise.all(parallel.map((m) => fanOutMessage(t.rt, m.id)))
    expect((await w.notificationsOf(reader.id)).map((x) => x.count)).toEqual([18])

    // Once read, the next message starts a new notification.
    await (await w.as(reader)).notifications.markAllRead()
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'one more')).id)
    const all = await w.notificationsOf(reader.id)
    expect(all.map((x) => x.count)).toEqual([18, 1])
  })

  it('lets hosts and moderators reach everyone with @all, rate-limited, and not participants', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [p0, p1] = w.others as [typeof w.host, typeof w.host]
    await fanOutMessage(t.rt, (await w.post(p0.id, '@all party at mine')).id)
    expect((await w.notificationsOf(p1.id)).map((n) => n.type)).toEqual(['MESSAGE'])

    await fanOutMessage(t.rt, (await w.post(w.mod.id, 'Bus at 8 @all')).id)
    for (const u of [w.host, p0, p1]) {
      expect((await w.notificationsOf(u.id)).filter((n) => n.type === 'MENTION')).toHaveLength(1)
    }
    // Inside the window a second broadcast is an ordinary message.
    await fanOutMessage(t.rt, (await w.post(w.host.id, '@all again')).id)
    expect((await w.notificationsOf(p1.id)).filter((n) => n.type === 'MENTION')).toHaveLength(1)
  })

  it('with @here reaches only the members online now', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [online, away] = w.others as [typeof w.host, typeof w.host]
    t.rt.presence.connect(online.id)
    try {
      await fanOutMessage(
        t.rt,
        (await w.post(w.host.id, 'Lobby in 5 @here', { planetId: w.announcements.id })).id,
      )
    } finally {
      t.rt.presence.disconnect(online.id)
    }
    expect((await w.notificationsOf(online.id)).map((n) => n.type)).toEqual(['MENTION'])
    expect((await w.notificationsOf(away.id)).map((n) => n.type)).toEqual(['ANNOUNCEMENT'])
  })

  it('a retried fan-out does not notify again those an earlier attempt reached', async () => {
    const w = await notificationWorld(t.rt, 2)
    const [p0, p1] = w.others as [typeof w.host, typeof w.host]
    const m = await w.post(w.host.id, 'hi @P0', { mentions: [p0.id] })
    expect(await fanOutMessage(t.rt, m.id)).toBe(3)
    // Simulate an attempt that died after reaching p1 only: p0's notification is gone.
    await t.rt.db.notification.deleteMany({ where: { userId: p0.id } })
    expect(await fanOutMessage(t.rt, m.id, { retry: true })).toBe(1)
    expect((await w.notificationsOf(p0.id)).map((n) => n.type)).toEqual(['MENTION'])
    expect((await w.notificationsOf(p1.id)).map((n) => [n.type, n.count])).toEqual([['MESSAGE', 1]])
    expect((await w.notificationsOf(w.mod.id)).map((n) => [n.type, n.count])).toEqual([['MESSAGE', 1]])
  })

  it('refuses per-planet settings for a planet the caller is not in', async () => {
    const w = await notificationWorld(t.rt, 0)
    const other = await notificationWorld(t.rt, 0)
    expect(
      await codeOf(
        (await w.as(w.host)).notifications.setPlanetNotifications({
          planetId: other.general.id,
          muted: true,
        }),
      ),
    ).toBe('PLT002')
  })
})
