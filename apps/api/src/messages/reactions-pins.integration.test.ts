// Reactions and pins through the router against real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, createTestRuntime } from '../../test/harness.ts'
import { messageFixtures } from './message-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => messageFixtures(t.rt)

describe('reactions', () => {
  it('takes several emoji per user, groups them with who reacted, and is idempotent both ways', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'sunset at 6?')
    const react = (caller: typeof s.as.part, emoji: string) =>
      caller.messages.react({ messageId: sent.id, emoji })
    await react(s.as.part, '👍')
    await react(s.as.other, '👍')
    await react(s.as.other, '🌅')
    await react(s.as.host, '🇰🇷')
    const again = await react(s.as.other, '👍')
    const groups = [
      { emoji: '👍', count: 2, userIds: [s.users.part.id, s.users.other.id] },
      { emoji: '🌅', count: 1, userIds: [s.users.other.id] },
      { emoji: '🇰🇷', count: 1, userIds: [s.users.host.id] },
    ]
    expect(again).toEqual({ messageId: sent.id, reactions: groups })
    expect(await t.rt.db.messageReaction.count({ where: { messageId: sent.id } })).toBe(4)
    const listed = (await s.as.mod.messages.list({ planetId: s.general.id })).items[0]
    expect(listed?.reactions).toEqual(groups)

    const removed = await s.as.other.messages.unreact({ messageId: sent.id, emoji: '👍' })
    expect(removed.reactions[0]).toEqual({ emoji: '👍', count: 1, userIds: [s.users.part.id] })
    await s.as.other.messages.unreact({ messageId: sent.id, emoji: '👍' })
    const events = await f.eventsOf(s.general.id)
    expect(events.map((e) => e.type)).toEqual([
      'message.new',
      'reaction.added',
      'reaction.added',
      'reaction.added',
      'reaction.added',
      'reaction.removed',
    ])
    expect(events[4]).toMatchObject({
      messageId: sent.id,
      userId: s.users.host.id,
      emoji: '🇰🇷',
      reactions: groups,
    })
  })

  it('keeps the last event current when many react at once', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'vote!')
    const everyone = [s.as.host, s.as.mod, s.as.part, s.as.other]
    await Promise.all(
      everyone.flatMap((c) =>
        ['🔥', '❤️', '😂'].map((emoji) => c.messages.react({ messageId: sent.id, emoji })),
      ),
    )
    const events = await f.eventsOf(s.general.id)
    const last = events.at(-1) as unknown as { reactions: { emoji: string; count: number }[] }
    expect(events).toHaveLength(13)
    expect(last.reactions.map((g) => [g.emoji, g.count]).sort()).toEqual([
      ['❤️', 4],
      ['🔥', 4],
      ['😂', 4],
    ])
  })

  it('refuses muted members, outsiders, deleted messages and non-emoji; nothing changes', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'hello')
    await t.rt.db.planetUser.update({
      where: { planetId_userId: { planetId: s.general.id, userId: s.users.other.id } },
      data: { mutedUntil: new Date(Date.now() + 3600_000) },
    })
    const react =
      (caller: typeof s.as.part, emoji = '👍') =>
      () =>
        caller.messages.react({ messageId: sent.id, emoji })
    await f.expectRefusedUnchanged(s.general.id, react(s.as.other), 'PLT003')
    await f.expectRefusedUnchanged(s.general.id, react(s.as.outsider), 'PLT002')
    for (const emoji of ['', 'lol', '1', '👍 and text', '<script>']) {
      await f.expectRefusedUnchanged(s.general.id, react(s.as.part, emoji), 'SYS001')
    }
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.part.messages.react({ messageId: 'no-such-message', emoji: '👍' }),
      'MSG001',
    )
    await s.as.part.messages.delete({ messageId: sent.id })
    await f.expectRefusedUnchanged(s.general.id, react(s.as.host), 'MSG007')
  })
})

describe('pins', () => {
  it('lets planet moderators and travel staff pin and unpin, announced by a SYSTEM message; lists pinned', async () => {
    const f = fx()
    const s = await f.setup()
    const a = await f.say(s.as.part, s.general.id, 'meeting point: exit 3')
    const b = await f.say(s.as.other, s.general.id, 'hotel wifi: seaview')
    const pinned = await s.as.mod.messages.pin({ messageId: a.id })
    expect(pinned).toMatchObject({ id: a.id, pinnedById: s.users.mod.id })
    expect(pinned.pinnedAt).not.toBeNull()
    await s.as.host.messages.pin({ messageId: b.id })
    expect(await s.as.host.messages.pin({ messageId: b.id })).toMatchObject({ id: b.id })
    const system = await t.rt.db.message.findMany({
      where: { planetId: s.general.id, type: 'SYSTEM' },
      orderBy: { createdAt: 'asc' },
    })
    expect(system.map((m) => m.content)).toEqual([
      `mod_${s.tag} pinned a message.`,
      `host_${s.tag} pinned a message.`,
    ])
    expect(system[0]?.metadata).toEqual({ kind: 'message.pinned', userId: s.users.mod.id, messageId: a.id })
    const list = await s.as.part.messages.listPinned({ planetId: s.general.id })
    expect(list.map((m) => m.id)).toEqual([b.id, a.id])

    const unpinned = await s.as.mod.messages.unpin({ messageId: b.id })
    expect(unpinned).toMatchObject({ pinnedAt: null, pinnedById: null })
    await s.as.mod.messages.unpin({ messageId: b.id })
    await s.as.part.messages.delete({ messageId: a.id })
    expect(await s.as.part.messages.listPinned({ planetId: s.general.id })).toEqual([])
    expect((await f.eventsOf(s.general.id)).map((e) => e.type)).toEqual([
      'message.new',
      'message.new',
      'message.pinned',
      'message.new',
      'message.pinned',
      'message.new',
      'message.unpinned',
      'message.deleted',
    ])
  })

  it('lets a planet-only moderator and a platform admin pin; refuses participants and outsiders', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'pin me')
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.part.messages.pin({ messageId: sent.id }),
      'MSG010',
    )
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.outsider.messages.pin({ messageId: sent.id }),
      'PLT002',
    )
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.outsider.messages.listPinned({ planetId: s.general.id }),
      'PLT002',
    )
    await t.rt.db.planetUser.update({
      where: { planetId_userId: { planetId: s.general.id, userId: s.users.other.id } },
      data: { role: 'MODERATOR' },
    })
    const planetMod = await callerFor(t.rt, s.users.other.id)
    await planetMod.messages.pin({ messageId: sent.id })
    await s.as.admin.messages.unpin({ messageId: sent.id })
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.part.messages.unpin({ messageId: sent.id }),
      'MSG010',
    )
    const gone = await f.say(s.as.part, s.general.id, 'gone')
    await s.as.part.messages.delete({ messageId: gone.id })
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.mod.messages.pin({ messageId: gone.id }),
      'MSG007',
    )
  })
})
