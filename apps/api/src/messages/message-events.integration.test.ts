// Message changes on the live planet stream over a real WebSocket: each edit, delete, restore, reaction
// and pin arrives live, a reconnecting client gets them replayed in order, and services announce
// members joining and leaving and planets being renamed with SYSTEM messages.
import type { PlanetEvent } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, startTestServer } from '../../test/harness.ts'
import { collect, connectClient } from '../../test/ws-client.ts'
import { signAccessToken } from '../auth/tokens.ts'
import { messageFixtures } from './message-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => {
  t = await createTestRuntime()
  server = await startTestServer(t.rt)
})
afterAll(async () => {
  await server.close()
  await t.close()
})
const fx = () => messageFixtures(t.rt)

type Tracked = { id: string; data: PlanetEvent }
/** Logged events only: ephemeral signals (typing, message status) share the stream but carry no seq. */
const isLogged = (e: Tracked) => typeof (e.data as { seq?: unknown }).seq === 'number'

async function wsClientFor(userId: string) {
  const { token } = await signAccessToken(t.rt.config, { userId, sessionFamily: 'f' }, new Date())
  return connectClient(server.url, token)
}

function subscribe(client: Awaited<ReturnType<typeof wsClientFor>>, planetId: string, lastEventId?: string) {
  const all = collect<Tracked>()
  const logged = collect<Tracked>()
  const sub = client.trpc.messages.onPlanetEvent.subscribe(
    { planetId, lastEventId },
    {
      onData: (e) => {
        all.push(e as Tracked)
        if (isLogged(e as Tracked)) logged.push(e as Tracked)
      },
      onError: (e) => logged.fail(e),
    },
  )
  return { logged, sub }
}

const settle = () => new Promise((r) => setTimeout(r, 200))

describe('message events on the planet stream', () => {
  it('streams every change live, and replays them in order to a client resuming from before', async () => {
    const f = fx()
    const s = await f.setup()
    const watcher = await wsClientFor(s.users.other.id)
    const live = subscribe(watcher, s.general.id)
    await settle()

    const sent = await f.say(s.as.part, s.general.id, 'first draft')
    await live.logged.waitFor(1, 15_000)
    const resumeFrom = live.logged.items[0]!.id
    await s.as.part.messages.edit({ messageId: sent.id, content: 'second draft' })
    await s.as.host.messages.react({ messageId: sent.id, emoji: '🎉' })
    await s.as.host.messages.unreact({ messageId: sent.id, emoji: '🎉' })
    await s.as.mod.messages.pin({ messageId: sent.id })
    await s.as.mod.messages.unpin({ messageId: sent.id })
    await s.as.part.messages.delete({ messageId: sent.id })
    await s.as.part.messages.restore({ messageId: sent.id })
    const expected = [
      'message.edited',
      'reaction.added',
      'reaction.removed',
      'message.pinned',
      'message.new',
      'message.unpinned',
      'message.deleted',
      'message.restored',
    ]
    await live.logged.waitFor(1 + expected.length, 15_000)
    await settle()
    const seen = live.logged.items.slice(1)
    expect(seen.map((e) => e.data.type)).toEqual(expected)
    const byType = Object.fromEntries(seen.map((e) => [e.data.type, e.data])) as Record<string, never>
    expect(byType['message.edited']).toMatchObject({
      message: { id: sent.id, content: 'second draft', edited: true },
    })
    expect(byType['reaction.added']).toMatchObject({
      messageId: sent.id,
      userId: s.users.host.id,
      emoji: '🎉',
      reactions: [{ emoji: '🎉', count: 1, userIds: [s.users.host.id] }],
    })
    expect(byType['message.deleted']).toMatchObject({
      message: { id: sent.id, content: null, deleted: true },
    })
    expect(byType['message.restored']).toMatchObject({ message: { content: 'second draft', deleted: false } })
    live.sub.unsubscribe()

    // A client that dropped after the first message gets exactly the same changes replayed.
    const resumed = subscribe(watcher, s.general.id, resumeFrom)
    await resumed.logged.waitFor(expected.length, 15_000)
    await settle()
    expect(resumed.logged.items.map((e) => e.data.type)).toEqual(expected)
    expect(resumed.logged.items.map((e) => e.id)).toEqual(seen.map((e) => e.id))
    expect(resumed.logged.items.map((e) => e.data)).toEqual(seen.map((e) => e.data))
    resumed.sub.unsubscribe()
    await watcher.close()
  })

  it('announces joins, leaves, removals and renames with SYSTEM messages, live', async () => {
    const f = fx()
    const s = await f.setup()
    const watcher = await wsClientFor(s.users.host.id)
    const live = subscribe(watcher, s.general.id)
    await settle()

    await s.as.outsider.travels.join({ inviteCode: s.travel.inviteCode })
    await s.as.part.travels.leave({ travelId: s.travel.id })
    await s.as.host.travels.removeMember({ travelId: s.travel.id, userId: s.users.other.id })
    await s.as.mod.planets.update({ planetId: s.general.id, name: 'Busan crew' })
    await s.as.mod.planets.update({ planetId: s.general.id, description: 'no rename, no message' })
    await live.logged.waitFor(4, 15_000)
    await settle()
    const messages = live.logged.items.map(
      (e) => (e.data as Extract<PlanetEvent, { type: 'message.new' }>).message,
    )
    expect(messages.map((m) => [m.type, m.senderId, m.content])).toEqual([
      ['SYSTEM', null, `outsider_${s.tag} joined the travel.`],
      ['SYSTEM', null, `part_${s.tag} left the travel.`],
      ['SYSTEM', null, `other_${s.tag} left the travel.`],
      ['SYSTEM', null, `mod_${s.tag} renamed the planet to "Busan crew".`],
    ])
    expect(messages.map((m) => m.metadata)).toEqual([
      { kind: 'member.joined', userId: s.users.outsider.id },
      { kind: 'member.left', userId: s.users.part.id },
      { kind: 'member.left', userId: s.users.other.id },
      { kind: 'planet.renamed', userId: s.users.mod.id, from: 'General', to: 'Busan crew' },
    ])
    // Announcements get no join/leave chatter.
    expect(await t.rt.db.message.count({ where: { planetId: s.announcements.id } })).toBe(0)
    live.sub.unsubscribe()
    await watcher.close()
  })

  it('streams to a server-side caller too, as an async iterator (it has no socket to write frames to)', async () => {
    const f = fx()
    const s = await f.setup()
    const stream = await s.as.other.messages.onPlanetEvent({ planetId: s.general.id })
    const reading = (async () => {
      for await (const item of stream) {
        // A tracked item: [id, event, marker].
        const [id, event] = item as unknown as [string, PlanetEvent]
        if (event.type === 'message.new') return { id, content: event.message.content, seq: event.seq }
      }
    })()
    await settle()
    await f.say(s.as.part, s.general.id, 'to the caller')
    const got = await reading
    expect(got).toMatchObject({ content: 'to the caller' })
    expect(got?.id).toBe(String(got?.seq))
  })
})
