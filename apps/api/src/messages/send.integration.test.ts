// messages.send through the router against real Postgres: TEXT, LOCATION, replies, mentions, the
// refusals (each with its code, changing nothing) and idempotent retries under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { clientId, messageFixtures } from './message-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => messageFixtures(t.rt)

describe('messages.send TEXT', () => {
  it('stores trimmed text as written, markdown and angle brackets included, and appends message.new', async () => {
    const f = fx()
    const s = await f.setup()
    const text = '  **Dinner** at <b>7</b> 🍜\n- bring cash  '
    const sent = await f.say(s.as.part, s.general.id, text)
    expect(sent).toMatchObject({
      planetId: s.general.id,
      senderId: s.users.part.id,
      senderNickname: `part_${s.tag}`,
      type: 'TEXT',
      content: '**Dinner** at <b>7</b> 🍜\n- bring cash',
      metadata: null,
      edited: false,
      deleted: false,
      replyTo: null,
      forwardedFrom: null,
      mentions: [],
      reactions: [],
      pinnedAt: null,
    })
    const row = await t.rt.db.message.findUniqueOrThrow({ where: { id: sent.id } })
    expect(row.content).toBe('**Dinner** at <b>7</b> 🍜\n- bring cash')
    expect(row.searchableText).toBe('**dinner** at <b>7</b> 🍜\n- bring cash')
    expect(row.createdAt.toISOString()).toBe(sent.createdAt)
    const [event] = await f.eventsOf(s.general.id)
    expect(event).toMatchObject({ type: 'message.new', seq: 1, message: { id: sent.id } })
    const planet = await t.rt.db.planet.findUniqueOrThrow({ where: { id: s.general.id } })
    expect(planet).toMatchObject({ lastEventSeq: 1, lastMessageAt: row.createdAt })
    expect((await s.as.other.messages.list({ planetId: s.general.id })).items[0]).toEqual(sent)
  })

  it('refuses bad input with SYS001 naming the field, and changes nothing', async () => {
    const f = fx()
    const s = await f.setup()
    const send = (input: Record<string, unknown>) => () =>
      s.as.part.messages.send({ planetId: s.general.id, clientMessageId: clientId(), ...input } as never)
    for (const input of [
      { content: '   ' },
      { content: 'x'.repeat(4001) },
      { content: 'bell \u0007 ring' },
      { content: 'escape \u001b[31m red' },
      {},
      { type: 'SYSTEM', content: 'I am the system' },
      { type: 'IMAGE', content: 'no attachment seam yet' },
    ]) {
      await f.expectRefusedUnchanged(s.general.id, send(input), 'SYS001')
    }
    // Tabs and line breaks are text, not control characters.
    expect((await f.say(s.as.part, s.general.id, 'a\tb\r\nc')).content).toBe('a\tb\r\nc')
  })

  it('refuses unknown planets, outsiders, muted members, participants in announcements, archived planets', async () => {
    const f = fx()
    const s = await f.setup()
    expect(await codeOf(f.say(s.as.part, 'no-such-planet', 'hi'))).toBe('PLT001')
    await f.expectRefusedUnchanged(s.general.id, () => f.say(s.as.outsider, s.general.id, 'hi'), 'PLT002')
    await f.expectRefusedUnchanged(
      s.announcements.id,
      () => f.say(s.as.part, s.announcements.id, 'hi'),
      'PLT005',
    )
    await t.rt.db.planetUser.update({
      where: { planetId_userId: { planetId: s.general.id, userId: s.users.other.id } },
      data: { mutedUntil: new Date(Date.now() + 3600_000) },
    })
    await f.expectRefusedUnchanged(s.general.id, () => f.say(s.as.other, s.general.id, 'hi'), 'PLT003')
    await t.rt.db.travel.update({ where: { id: s.travel.id }, data: { isFrozen: true } })
    await f.expectRefusedUnchanged(s.general.id, () => f.say(s.as.part, s.general.id, 'hi'), 'TRV006')
    await t.rt.db.travel.update({ where: { id: s.travel.id }, data: { isFrozen: false } })
    await t.rt.db.planet.update({ where: { id: s.general.id }, data: { status: 'ARCHIVED' } })
    await f.expectRefusedUnchanged(s.general.id, () => f.say(s.as.part, s.general.id, 'hi'), 'PLT006')
    // The host posts announcements.
    expect((await f.say(s.as.host, s.announcements.id, 'Bus leaves at 9')).content).toBe('Bus leaves at 9')
  })

  it('a sender whose expired travel ban is lifted on the spot can send again', async () => {
    const f = fx()
    const s = await f.setup()
    await t.rt.db.travelUser.update({
      where: { travelId_userId: { travelId: s.travel.id, userId: s.users.part.id } },
      data: { status: 'BANNED', bannedUntil: new Date(Date.now() - 1000) },
    })
    await t.rt.db.planetUser.updateMany({ where: { userId: s.users.part.id }, data: { status: 'BANNED' } })
    expect((await f.say(s.as.part, s.general.id, 'back')).content).toBe('back')
    await t.rt.db.travelUser.update({
      where: { travelId_userId: { travelId: s.travel.id, userId: s.users.part.id } },
      data: { status: 'BANNED', bannedUntil: new Date(Date.now() + 3600_000) },
    })
    await f.expectRefusedUnchanged(s.general.id, () => f.say(s.as.part, s.general.id, 'again'), 'TRV008')
  })
})

describe('messages.send LOCATION', () => {
  it('keeps lat/lng/name in metadata', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await s.as.part.messages.send({
      planetId: s.general.id,
      clientMessageId: clientId(),
      type: 'LOCATION',
      location: { lat: 35.1587, lng: 129.1604, name: 'Haeundae Beach' },
    })
    expect(sent).toMatchObject({
      type: 'LOCATION',
      content: null,
      metadata: { lat: 35.1587, lng: 129.1604, name: 'Haeundae Beach' },
    })
    const row = await t.rt.db.message.findUniqueOrThrow({ where: { id: sent.id } })
    expect(row).toMatchObject({ type: 'LOCATION', metadata: sent.metadata, searchableText: 'haeundae beach' })
  })

  it('refuses out-of-range coordinates and a location on a text message', async () => {
    const f = fx()
    const s = await f.setup()
    const send = (input: Record<string, unknown>) => () =>
      s.as.part.messages.send({ planetId: s.general.id, clientMessageId: clientId(), ...input } as never)
    for (const location of [
      { lat: 90.5, lng: 0 },
      { lat: 0, lng: -180.01 },
      { lat: Number.NaN, lng: 0 },
    ]) {
      await f.expectRefusedUnchanged(s.general.id, send({ type: 'LOCATION', location }), 'SYS001')
    }
    await f.expectRefusedUnchanged(s.general.id, send({ type: 'LOCATION' }), 'SYS001')
    await f.expectRefusedUnchanged(
      s.general.id,
      send({ content: 'hi', location: { lat: 1, lng: 1 } }),
      'SYS001',
    )
  })
})

describe('idempotent sends', () => {
  it('returns the original to a retry, even with different content, and to concurrent retries', async () => {
    const f = fx()
    const s = await f.setup()
    const clientMessageId = clientId()
    const send = (content: string) =>
      s.as.part.messages.send({ planetId: s.general.id, clientMessageId, content })
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => send(`attempt ${i}`)))
    const ids = new Set(results.map((r) => r.id))
    expect(ids.size).toBe(1)
    const rows = await t.rt.db.message.findMany({ where: { planetId: s.general.id } })
    expect(rows).toHaveLength(1)
    expect(results.every((r) => r.content === rows[0]!.content)).toBe(true)
    expect(await f.eventsOf(s.general.id)).toHaveLength(1)
    expect((await send('later retry')).id).toBe(rows[0]!.id)
    // The same clientMessageId from another sender is another message.
    const theirs = await s.as.other.messages.send({
      planetId: s.general.id,
      clientMessageId,
      content: 'mine',
    })
    expect(theirs.id).not.toBe(rows[0]!.id)
  })

  it('keeps the per-planet sequence gapless and ordered under concurrent sends', async () => {
    const f = fx()
    const s = await f.setup()
    const senders = [s.as.host, s.as.mod, s.as.part, s.as.other]
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => f.say(senders[i % senders.length]!, s.general.id, `burst ${i}`)),
    )
    const events = await f.eventsOf(s.general.id)
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1))
    const planet = await t.rt.db.planet.findUniqueOrThrow({ where: { id: s.general.id } })
    expect(planet.lastEventSeq).toBe(24)
  })
})

describe('replies', () => {
  it('shows a preview of the original, still shown as deleted after the original is deleted', async () => {
    const f = fx()
    const s = await f.setup()
    const long = `${'가'.repeat(130)} end`
    const original = await f.say(s.as.part, s.general.id, long)
    const reply = await f.say(s.as.other, s.general.id, 'agreed', { replyToId: original.id })
    expect(reply.replyToId).toBe(original.id)
    expect(reply.replyTo).toEqual({
      id: original.id,
      senderId: s.users.part.id,
      senderNickname: `part_${s.tag}`,
      type: 'TEXT',
      excerpt: `${'가'.repeat(119)}…`,
      deleted: false,
    })
    await s.as.part.messages.delete({ messageId: original.id })
    const listed = (await s.as.host.messages.list({ planetId: s.general.id })).items
    expect(listed.find((m) => m.id === reply.id)?.replyTo).toEqual({
      id: original.id,
      senderId: s.users.part.id,
      senderNickname: `part_${s.tag}`,
      type: 'TEXT',
      excerpt: null,
      deleted: true,
    })
  })

  it('refuses a reply target in another planet, unknown or deleted', async () => {
    const f = fx()
    const s = await f.setup()
    const elsewhere = await f.say(s.as.host, s.announcements.id, 'news')
    await f.expectRefusedUnchanged(
      s.general.id,
      () => f.say(s.as.part, s.general.id, 'hm', { replyToId: elsewhere.id }),
      'MSG009',
    )
    await f.expectRefusedUnchanged(
      s.general.id,
      () => f.say(s.as.part, s.general.id, 'hm', { replyToId: 'no-such-message' }),
      'MSG001',
    )
    const gone = await f.say(s.as.part, s.general.id, 'oops')
    await s.as.part.messages.delete({ messageId: gone.id })
    await f.expectRefusedUnchanged(
      s.general.id,
      () => f.say(s.as.other, s.general.id, 'what?', { replyToId: gone.id }),
      'MSG007',
    )
  })
})

describe('mentions', () => {
  it('resolves @nickname to the ids of active members of that planet, case-insensitively', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(
      s.as.host,
      s.general.id,
      `@Part_${s.tag} and @other_${s.tag}, ask @outsider_${s.tag} (not here) — mail host@x.io`,
    )
    expect([...sent.mentions].sort()).toEqual([s.users.part.id, s.users.other.id].sort())
    const row = await t.rt.db.message.findUniqueOrThrow({ where: { id: sent.id } })
    expect([...row.mentions].sort()).toEqual([...sent.mentions].sort())
  })
})
