// Delivery across channels with the in-process job runner: a burst coalesced into one push, no push to
// a member looking at the planet, preferences per channel and type, quiet hours in each user's own time
// zone with a summary afterwards, and the live unread count on the user stream.
import type { MeEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, startTestServer } from '../../test/harness.ts'
import { collect, connectClient } from '../../test/ws-client.ts'
import { signAccessToken } from '../auth/tokens.ts'
import { JOB_DEFINITIONS } from '../jobs/registry.ts'
import { deliverDeferred } from './deferred.job.ts'
import { fanOutMessage } from './message-fan-out.ts'
import {
  delivery,
  notificationWorld,
  recordingPush,
  settableClock,
  waitUntil,
} from './notification-fixtures.ts'

const clock = settableClock(new Date('2026-06-01T14:00:00Z'))
let t: Awaited<ReturnType<typeof createTestRuntime>>
let pushes: ReturnType<typeof recordingPush>
beforeAll(async () => {
  t = await createTestRuntime({ env: { PUSH_COALESCE_SECONDS: '1' }, overrides: { clock } })
  pushes = recordingPush(t.rt)
  await t.rt.jobs.start(t.rt, JOB_DEFINITIONS, [])
})
afterAll(async () => {
  await t.close()
})

const pushesTo = (token: string) => pushes.filter((p) => p.tokens.includes(token))
const idle = () =>
  waitUntil(async () => {
    const c = (await t.rt.jobs.counts()).critical
    return c.waiting + c.active + c.delayed === 0
  })

describe('notification delivery', () => {
  it('coalesces a burst into one push carrying the final count, badge and deep link', async () => {
    clock.set('2026-06-01T14:00:00Z')
    // Workers start after the burst, so the test does not depend on how fast this machine fans out;
    // the debounce timing itself is covered by the job runner tests.
    const burst = await createTestRuntime({ env: { PUSH_COALESCE_SECONDS: '1' }, overrides: { clock } })
    try {
      const burstPushes = recordingPush(burst.rt)
      const w = await notificationWorld(burst.rt, 1)
      const [reader] = w.others as [typeof w.host]
      await w.device(reader.id, 'tok-burst-reader')
      let last = ''
      for (let i = 0; i < 12; i++) {
        const m = await w.post(w.host.id, `line ${i}`)
        last = m.id
        await fanOutMessage(burst.rt, m.id)
      }
      await burst.rt.jobs.start(burst.rt, JOB_DEFINITIONS, [])
      await waitUntil(async () => {
        const [n] = await w.notificationsOf(reader.id)
        return delivery(n!, 'PUSH')?.status === 'SENT'
      })
      const sent = burstPushes.filter((p) => p.tokens.includes('tok-burst-reader'))
      expect(sent).toHaveLength(1)
      const [n] = await w.notificationsOf(reader.id)
      expect(sent[0]!.message).toEqual({
        title: 'General',
        body: '12 new messages in General',
        badge: 1,
        collapseKey: `planet:${w.general.id}:messages`,
        data: {
          notificationId: n!.id,
          type: 'MESSAGE',
          travelId: w.travel.id,
          planetId: w.general.id,
          messageId: last,
        },
      })
      expect(delivery(n!, 'PUSH')).toMatchObject({ status: 'SENT', attempts: 1 })
    } finally {
      await burst.close()
    }
  })

  it('does not push to a member looking at the planet, and does once they look away', async () => {
    clock.set('2026-06-01T14:00:00Z')
    const w = await notificationWorld(t.rt, 1)
    const [reader] = w.others as [typeof w.host]
    await w.device(reader.id, 'tok-focus')
    const client = await w.as(reader)
    await client.notifications.focus({ planetId: w.general.id })
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'hey', { mentions: [reader.id] })).id)
    await idle()
    expect(pushesTo('tok-focus')).toEqual([])
    const [first] = await w.notificationsOf(reader.id)
    expect(first!.deliveries.find((d) => d.channel === 'PUSH')).toMatchObject({
      status: 'SKIPPED',
      lastError: 'user is looking at the planet',
    })
    // The tab is hidden: the client reports no planet, and the next mention is pushed.
    await client.notifications.focus({ planetId: null })
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'still there?', { mentions: [reader.id] })).id)
    await waitUntil(() => pushesTo('tok-focus').length === 1)
    expect(pushesTo('tok-focus')[0]!.message.title).toBe('Hana mentioned you in General')
  })

  it('follows preferences per channel and type, and mentions-only mode', async () => {
    clock.set('2026-06-01T14:00:00Z')
    const w = await notificationWorld(t.rt, 2)
    const [picky, focused] = w.others as [typeof w.host, typeof w.host]
    await (await w.as(picky)).notifications.updatePreferences({
      channels: { EMAIL: false },
      types: { MESSAGE: { PUSH: false } },
    })
    await (await w.as(focused)).notifications.updatePreferences({ mentionsOnly: true })
    expect(await (await w.as(picky)).notifications.preferences()).toMatchObject({
      channels: { EMAIL: false, PUSH: true, IN_APP: true, WEBSOCKET: true },
      types: { MESSAGE: { PUSH: false, IN_APP: true }, MENTION: { PUSH: true, EMAIL: true } },
    })

    await fanOutMessage(t.rt, (await w.post(w.host.id, 'plain')).id)
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'look', { mentions: [picky.id, focused.id] })).id)
    await idle()
    const [plain, mention] = await w.notificationsOf(picky.id)
    expect(delivery(plain!, 'PUSH')).toMatchObject({
      status: 'SKIPPED',
      lastError: 'turned off in preferences',
    })
    expect(delivery(mention!, 'PUSH')?.status).toBe('SKIPPED') // no devices registered
    expect(delivery(mention!, 'EMAIL')).toMatchObject({
      status: 'SKIPPED',
      lastError: 'turned off in preferences',
    })
    expect((await w.notificationsOf(focused.id)).map((n) => n.type)).toEqual(['MENTION'])
  })

  it('holds push and mail inside quiet hours in each user’s time zone, then sends one summary', async () => {
    // 14:00 UTC: 23:00 in Seoul (inside 22:00–07:00), 10:00 in New York (outside the same hours).
    clock.set('2026-06-01T14:00:00Z')
    const w = await notificationWorld(t.rt, 2)
    const [seoul, newYork] = w.others as [typeof w.host, typeof w.host]
    await w.device(seoul.id, 'tok-seoul')
    await w.device(newYork.id, 'tok-ny')
    for (const [u, timeZone] of [
      [seoul, 'Asia/Seoul'],
      [newYork, 'America/New_York'],
    ] as const) {
      await (await w.as(u)).notifications.updatePreferences({
        timeZone,
        quietHours: { start: '22:00', end: '07:00' },
      })
    }
    await fanOutMessage(
      t.rt,
      (await w.post(w.host.id, 'Ferry moved', { mentions: [seoul.id, newYork.id] })).id,
    )
    await fanOutMessage(t.rt, (await w.post(w.mod.id, 'Bring passports', { mentions: [seoul.id] })).id)
    await waitUntil(() => pushesTo('tok-ny').length === 1)
    await idle()
    expect(pushesTo('tok-seoul')).toEqual([])
    const held = await w.notificationsOf(seoul.id)
    expect(held).toHaveLength(2)
    for (const n of held) {
      // 07:00 in Seoul is 22:00 UTC.
      expect(delivery(n, 'PUSH')).toMatchObject({ status: 'PENDING' })
      expect(n.deliveries.find((d) => d.channel === 'PUSH')!.deferredUntil).toEqual(
        new Date('2026-06-01T22:00:00Z'),
      )
      expect(n.deliveries.find((d) => d.channel === 'EMAIL')!.deferredUntil).toEqual(
        new Date('2026-06-01T22:00:00Z'),
      )
    }

    // New York's mail waits for the digest (30 minutes) only, not for quiet hours.
    const [ny] = await w.notificationsOf(newYork.id)
    expect(ny!.deliveries.find((d) => d.channel === 'EMAIL')!.deferredUntil).toEqual(
      new Date('2026-06-01T14:30:00Z'),
    )

    // Still quiet at 21:30 UTC: nothing goes out.
    clock.set('2026-06-01T21:30:00Z')
    await deliverDeferred(t.rt)
    expect(pushesTo('tok-seoul')).toEqual([])

    clock.set('2026-06-01T22:01:00Z')
    await deliverDeferred(t.rt)
    const summary = pushesTo('tok-seoul')
    expect(summary).toHaveLength(1)
    expect(summary[0]!.message).toMatchObject({
      title: 'While you were away',
      body: '2 new notifications',
      badge: 2,
    })
    for (const n of await w.notificationsOf(seoul.id)) {
      expect(delivery(n, 'PUSH')?.status).toBe('SENT')
      expect(delivery(n, 'EMAIL')?.status).toBe('SENT')
    }
  })

  it('skips the summary for what was read during quiet hours', async () => {
    clock.set('2026-06-01T14:00:00Z')
    const w = await notificationWorld(t.rt, 1)
    const [seoul] = w.others as [typeof w.host]
    await w.device(seoul.id, 'tok-seoul-read')
    const client = await w.as(seoul)
    await client.notifications.updatePreferences({
      timeZone: 'Asia/Seoul',
      quietHours: { start: '22:00', end: '07:00' },
    })
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'x', { mentions: [seoul.id] })).id)
    await client.notifications.markAllRead()
    clock.set('2026-06-01T22:01:00Z')
    await deliverDeferred(t.rt)
    expect(pushesTo('tok-seoul-read')).toEqual([])
    const [n] = await w.notificationsOf(seoul.id)
    expect(delivery(n!, 'PUSH')).toMatchObject({
      status: 'SKIPPED',
      lastError: 'read in the app before delivery',
    })
  })
})

describe('live unread count on the user stream', () => {
  it('streams notification.new and notification.read with the unread count over me.onEvent', async () => {
    clock.set('2026-06-01T14:00:00Z')
    const server = await startTestServer(t.rt)
    try {
      const w = await notificationWorld(t.rt, 1)
      const [reader] = w.others as [typeof w.host]
      const { token } = await signAccessToken(
        t.rt.config,
        { userId: reader.id, sessionFamily: 'f' },
        new Date(),
      )
      const client = connectClient(server.url, token)
      const events = collect<MeEvent>()
      const sub = client.trpc.me.onEvent.subscribe(
        {},
        { onData: (e) => events.push((e as { data: MeEvent }).data), onError: (e) => events.fail(e) },
      )
      await waitUntil(() => events.items.some((e) => e.type === 'unread.snapshot'))
      const notificationEvents = () => events.items.filter((e) => e.type.startsWith('notification.'))

      await fanOutMessage(t.rt, (await w.post(w.host.id, 'one')).id)
      await fanOutMessage(t.rt, (await w.post(w.host.id, 'two', { mentions: [reader.id] })).id)
      await waitUntil(() => notificationEvents().length === 2)
      expect(notificationEvents().map((e) => [e.type, 'unreadCount' in e ? e.unreadCount : null])).toEqual([
        ['notification.new', 1],
        ['notification.new', 2],
      ])
      const [first] = await w.notificationsOf(reader.id)
      expect(delivery(first!, 'WEBSOCKET')?.status).toBe('SENT')

      await client.trpc.notifications.markRead.mutate({ ids: [first!.id] })
      await waitUntil(() => notificationEvents().length === 3)
      expect(notificationEvents()[2]).toEqual({ type: 'notification.read', ids: [first!.id], unreadCount: 1 })
      await client.trpc.notifications.markAllRead.mutate()
      await waitUntil(() => notificationEvents().length === 4)
      expect(notificationEvents()[3]).toEqual({ type: 'notification.read', ids: 'all', unreadCount: 0 })
      sub.unsubscribe()
      await client.close()
    } finally {
      await server.close()
    }
  })
})
