// Two api nodes on one database and Redis: a notification created by a worker on node A reaches the
// user's live stream on node B (Redis bus), and A sees B's connection through Redis presence.
import type { MeEvent } from '@connecto/shared'
import { describe, expect, it } from 'vitest'
import {
  createTestDatabase,
  createTestRuntime,
  redisSkipReason,
  startTestServer,
} from '../../test/harness.ts'
import { collect, connectClient } from '../../test/ws-client.ts'
import { signAccessToken } from '../auth/tokens.ts'
import { fanOutMessage } from './message-fan-out.ts'
import { delivery, notificationWorld, waitUntil } from './notification-fixtures.ts'

describe.skipIf(redisSkipReason())('notifications across nodes', () => {
  it('streams a notification made on node A to the user connected to node B', async () => {
    const database = await createTestDatabase()
    const a = await createTestRuntime({ redis: true, database })
    const b = await createTestRuntime({ redis: true, database })
    const server = await startTestServer(b.rt)
    try {
      const w = await notificationWorld(a.rt, 1)
      const [reader] = w.others as [typeof w.host]
      const { token } = await signAccessToken(
        b.rt.config,
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
      await waitUntil(async () => (await a.rt.presence.isOnline([reader.id])).has(reader.id))

      await fanOutMessage(a.rt, (await w.post(w.host.id, 'across nodes', { mentions: [reader.id] })).id)
      await waitUntil(() => events.items.some((e) => e.type === 'notification.new'))
      const live = events.items.find((e) => e.type === 'notification.new')
      expect(live).toMatchObject({
        type: 'notification.new',
        unreadCount: 1,
        notification: { type: 'MENTION', body: 'across nodes' },
      })
      const [n] = await w.notificationsOf(reader.id)
      expect(delivery(n!, 'WEBSOCKET')?.status).toBe('SENT')
      sub.unsubscribe()
      await client.close()
    } finally {
      await server.close()
      await a.close()
      await b.close()
      await database.drop()
    }
  })
})
