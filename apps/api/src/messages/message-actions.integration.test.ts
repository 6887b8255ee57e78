// Edit, delete, restore and forward through the router against real Postgres, with a clock the tests
// move past the 15-minute edit and 24-hour restore windows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, codeOf, createTestRuntime } from '../../test/harness.ts'
import { clientId, messageFixtures, movableClock } from './message-fixtures.ts'

const time = movableClock()
let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime({ overrides: { clock: time.clock } })
})
afterAll(() => t.close())
const fx = () => messageFixtures(t.rt)
const minute = 60_000

describe('messages.edit', () => {
  it('edits own text within 15 minutes, keeping earlier versions, marking it edited, re-resolving mentions', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'meet at 7')
    time.advance(5 * minute)
    const first = await s.as.part.messages.edit({ messageId: sent.id, content: `meet at 8 @other_${s.tag}` })
    time.advance(9 * minute)
    const second = await s.as.part.messages.edit({ messageId: sent.id, content: ' meet at 9 ' })
    expect(first).toMatchObject({
      content: `meet at 8 @other_${s.tag}`,
      edited: true,
      mentions: [s.users.other.id],
    })
    expect(second).toMatchObject({ id: sent.id, content: 'meet at 9', edited: true, mentions: [] })
    const row = await t.rt.db.message.findUniqueOrThrow({ where: { id: sent.id } })
    expect(row.editHistory).toEqual([
      { content: 'meet at 7', editedAt: sent.createdAt },
      { content: `meet at 8 @other_${s.tag}`, editedAt: first.editedAt },
    ])
    expect(row.searchableText).toBe('meet at 9')
    expect(row.editedAt?.toISOString()).toBe(second.editedAt)
    const events = await f.eventsOf(s.general.id)
    expect(events.map((e) => e.type)).toEqual(['message.new', 'message.edited', 'message.edited'])
    expect(events[2]).toMatchObject({ message: { content: 'meet at 9', edited: true } })
    // The same text again is no change and no event.
    await s.as.part.messages.edit({ messageId: sent.id, content: 'meet at 9' })
    expect(await f.eventsOf(s.general.id)).toHaveLength(3)
  })

  it('keeps every earlier version when edits race', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'v0')
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) => s.as.part.messages.edit({ messageId: sent.id, content: `v${i}` })),
    )
    const row = await t.rt.db.message.findUniqueOrThrow({ where: { id: sent.id } })
    const history = (row.editHistory as { content: string }[]).map((v) => v.content)
    expect(history).toHaveLength(5)
    expect([...history, row.content].sort()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5'])
    const edits = (await f.eventsOf(s.general.id)).filter((e) => e.type === 'message.edited')
    expect(edits.map((e) => (e.message as { content: string }).content)).toEqual([
      ...history.slice(1),
      row.content,
    ])
  })

  it('refuses with distinct codes: not own, outside the window, deleted, not text, muted; nothing changes', async () => {
    const f = fx()
    const s = await f.setup()
    const edit = (caller: typeof s.as.part, messageId: string) => () =>
      caller.messages.edit({ messageId, content: 'changed' })
    const mine = await f.say(s.as.part, s.general.id, 'mine')
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.other, mine.id), 'MSG006')
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.host, mine.id), 'MSG006')
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.outsider, mine.id), 'PLT002')
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.part, 'no-such-message'), 'MSG001')
    await s.as.host.planets.update({ planetId: s.general.id, name: 'Renamed' })
    const system = await t.rt.db.message.findFirstOrThrow({
      where: { planetId: s.general.id, type: 'SYSTEM' },
    })
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.host, system.id), 'MSG006')
    const where = await s.as.part.messages.send({
      planetId: s.general.id,
      clientMessageId: clientId(),
      type: 'LOCATION',
      location: { lat: 1, lng: 2 },
    })
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.part, where.id), 'MSG008')
    const gone = await f.say(s.as.part, s.general.id, 'gone')
    await s.as.part.messages.delete({ messageId: gone.id })
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.part, gone.id), 'MSG007')
    await t.rt.db.planetUser.update({
      where: { planetId_userId: { planetId: s.general.id, userId: s.users.part.id } },
      data: { mutedUntil: new Date(time.clock.now().getTime() + 60 * minute) },
    })
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.part, mine.id), 'PLT003')
    await t.rt.db.planetUser.update({
      where: { planetId_userId: { planetId: s.general.id, userId: s.users.part.id } },
      data: { mutedUntil: null },
    })
    time.advance(15 * minute + 1000)
    await f.expectRefusedUnchanged(s.general.id, edit(s.as.part, mine.id), 'MSG002')
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.part.messages.edit({ messageId: mine.id, content: 'x'.repeat(4001) }),
      'SYS001',
    )
  })
})

describe('messages.delete', () => {
  it('soft-deletes own messages: content null, deleted true, a message.deleted event; twice is a no-op', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, `secret @other_${s.tag}`)
    const deleted = await s.as.part.messages.delete({ messageId: sent.id })
    expect(deleted).toMatchObject({
      id: sent.id,
      content: null,
      deleted: true,
      deletedById: s.users.part.id,
      mentions: [],
    })
    const row = await t.rt.db.message.findUniqueOrThrow({ where: { id: sent.id } })
    expect(row).toMatchObject({ content: `secret @other_${s.tag}`, deletedById: s.users.part.id })
    expect(row.deletedAt?.toISOString()).toBe(deleted.deletedAt)
    const listed = (await s.as.other.messages.list({ planetId: s.general.id })).items
    expect(listed.find((m) => m.id === sent.id)).toMatchObject({ content: null, deleted: true })
    expect((await f.eventsOf(s.general.id)).map((e) => e.type)).toEqual(['message.new', 'message.deleted'])
    expect(await s.as.part.messages.delete({ messageId: sent.id })).toEqual(deleted)
    expect(await f.eventsOf(s.general.id)).toHaveLength(2)
  })

  it('lets planet moderators, travel staff and admins delete others’ messages; participants get MSG003', async () => {
    const f = fx()
    const s = await f.setup()
    const victims = await Promise.all([1, 2, 3, 4].map((i) => f.say(s.as.part, s.general.id, `spam ${i}`)))
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.other.messages.delete({ messageId: victims[0]!.id }),
      'MSG003',
    )
    await f.expectRefusedUnchanged(
      s.general.id,
      () => s.as.outsider.messages.delete({ messageId: victims[0]!.id }),
      'PLT002',
    )
    // A plain travel participant who moderates this planet only.
    await t.rt.db.planetUser.update({
      where: { planetId_userId: { planetId: s.general.id, userId: s.users.other.id } },
      data: { role: 'MODERATOR' },
    })
    const planetMod = await callerFor(t.rt, s.users.other.id)
    for (const [caller, victim] of [
      [s.as.host, victims[0]!],
      [s.as.mod, victims[1]!],
      [planetMod, victims[2]!],
      [s.as.admin, victims[3]!],
    ] as const) {
      expect(await caller.messages.delete({ messageId: victim.id })).toMatchObject({ deleted: true })
    }
  })
})

describe('messages.restore', () => {
  it('restores within 24 hours by the sender who deleted it, with a message.restored event', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'oops, keep this')
    await s.as.part.messages.delete({ messageId: sent.id })
    time.advance(23 * 60 * minute)
    const restored = await s.as.part.messages.restore({ messageId: sent.id })
    expect(restored).toMatchObject({
      content: 'oops, keep this',
      deleted: false,
      deletedAt: null,
      deletedById: null,
    })
    expect((await f.eventsOf(s.general.id)).map((e) => e.type)).toEqual([
      'message.new',
      'message.deleted',
      'message.restored',
    ])
  })

  it('refuses: not deleted, another user, the sender undoing a moderator, after 24 hours; admins may', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'under review')
    const restore = (caller: typeof s.as.part) => () => caller.messages.restore({ messageId: sent.id })
    await f.expectRefusedUnchanged(s.general.id, restore(s.as.part), 'MSG011')
    await s.as.mod.messages.delete({ messageId: sent.id })
    await f.expectRefusedUnchanged(s.general.id, restore(s.as.part), 'MSG012')
    await f.expectRefusedUnchanged(s.general.id, restore(s.as.other), 'MSG012')
    await f.expectRefusedUnchanged(s.general.id, restore(s.as.host), 'MSG012')
    expect(await s.as.admin.messages.restore({ messageId: sent.id })).toMatchObject({ deleted: false })

    await s.as.part.messages.delete({ messageId: sent.id })
    time.advance(24 * 60 * minute + 1000)
    await f.expectRefusedUnchanged(s.general.id, restore(s.as.part), 'MSG005')
    await f.expectRefusedUnchanged(s.general.id, restore(s.as.admin), 'MSG005')
  })
})

describe('messages.forward', () => {
  it('copies a message into another planet the user can write in, showing where it came from', async () => {
    const f = fx()
    const s = await f.setup()
    const second = await f.setup()
    // part is also a participant of the second travel.
    await t.rt.db.travelUser.create({ data: { travelId: second.travel.id, userId: s.users.part.id } })
    await t.rt.db.planetUser.create({ data: { planetId: second.general.id, userId: s.users.part.id } })
    const original = await s.as.part.messages.send({
      planetId: s.general.id,
      clientMessageId: clientId(),
      type: 'LOCATION',
      location: { lat: 37.5665, lng: 126.978, name: 'Seoul City Hall' },
    })
    const text = await f.say(s.as.host, s.general.id, `tickets are in @part_${s.tag}`)
    const clientMessageId = clientId()
    const forwarded = await s.as.part.messages.forward({
      messageId: text.id,
      toPlanetId: second.general.id,
      clientMessageId,
    })
    expect(forwarded).toMatchObject({
      planetId: second.general.id,
      senderId: s.users.part.id,
      type: 'TEXT',
      content: text.content,
      mentions: [],
      forwardedFrom: {
        messageId: text.id,
        planetId: s.general.id,
        senderId: s.users.host.id,
        senderNickname: `host_${s.tag}`,
      },
    })
    const retried = await s.as.part.messages.forward({
      messageId: text.id,
      toPlanetId: second.general.id,
      clientMessageId,
    })
    expect(retried.id).toBe(forwarded.id)
    const place = await s.as.part.messages.forward({
      messageId: original.id,
      toPlanetId: second.general.id,
      clientMessageId: clientId(),
    })
    expect(place).toMatchObject({ type: 'LOCATION', metadata: original.metadata })
    const listed = (await second.as.host.messages.list({ planetId: second.general.id })).items
    expect(listed.find((m) => m.id === forwarded.id)?.forwardedFrom?.messageId).toBe(text.id)
  })

  it('links the same files to the copy of a message with attachments, caption included', async () => {
    const f = fx()
    const s = await f.setup()
    const files = await Promise.all(
      ['a', 'b'].map((k) =>
        t.rt.db.fileUpload.create({
          data: {
            ownerId: s.users.part.id,
            storageKey: `test/${clientId()}-${k}.jpg`,
            fileName: `${k}.jpg`,
            mimeType: 'image/jpeg',
            size: 1000,
            status: 'READY',
          },
        }),
      ),
    )
    const photo = await t.rt.db.message.create({
      data: {
        planetId: s.general.id,
        senderId: s.users.part.id,
        type: 'IMAGE',
        content: 'sunrise',
        attachments: { create: files.map((file, position) => ({ fileId: file.id, position })) },
      },
    })
    const copy = await s.as.other.messages.forward({
      messageId: photo.id,
      toPlanetId: s.general.id,
      clientMessageId: clientId(),
    })
    expect(copy).toMatchObject({ type: 'IMAGE', content: 'sunrise', forwardedFrom: { messageId: photo.id } })
    const links = await t.rt.db.messageAttachment.findMany({
      where: { messageId: copy.id },
      orderBy: { position: 'asc' },
    })
    expect(links.map((l) => [l.fileId, l.position])).toEqual(files.map((file, i) => [file.id, i]))
    // The returned view (and the stored message.new event live clients get) shows the files too.
    expect(copy.attachments.map((a) => a.fileId)).toEqual(files.map((file) => file.id))
    const event = await t.rt.db.planetEvent.findFirstOrThrow({
      where: { planetId: s.general.id, type: 'message.new' },
      orderBy: { seq: 'desc' },
    })
    expect((event.payload as { message: { attachments: unknown[] } }).message.attachments).toHaveLength(2)
  })

  it('refuses unreadable sources, unwritable targets, deleted or system messages; nothing changes', async () => {
    const f = fx()
    const s = await f.setup()
    const second = await f.setup()
    const text = await f.say(s.as.host, s.general.id, 'not for outsiders')
    const forward = (caller: typeof s.as.part, messageId: string, toPlanetId: string) => () =>
      caller.messages.forward({ messageId, toPlanetId, clientMessageId: clientId() })
    // second.host cannot read the source planet.
    await f.expectRefusedUnchanged(
      second.general.id,
      forward(second.as.host, text.id, second.general.id),
      'PLT002',
    )
    // part reads the source but is no member of the target.
    await f.expectRefusedUnchanged(
      second.general.id,
      forward(s.as.part, text.id, second.general.id),
      'PLT002',
    )
    await f.expectRefusedUnchanged(
      s.announcements.id,
      forward(s.as.part, text.id, s.announcements.id),
      'PLT005',
    )
    await f.expectRefusedUnchanged(
      s.general.id,
      forward(s.as.part, 'no-such-message', s.general.id),
      'MSG001',
    )
    await f.expectRefusedUnchanged(s.general.id, forward(s.as.part, text.id, 'no-such-planet'), 'PLT001')
    await s.as.host.messages.delete({ messageId: text.id })
    await f.expectRefusedUnchanged(s.general.id, forward(s.as.host, text.id, s.general.id), 'MSG013')
    await s.as.host.planets.update({ planetId: s.general.id, name: 'Lobby' })
    const system = await t.rt.db.message.findFirstOrThrow({
      where: { planetId: s.general.id, type: 'SYSTEM' },
    })
    await f.expectRefusedUnchanged(s.general.id, forward(s.as.host, system.id, s.general.id), 'MSG013')
    expect(
      await codeOf(s.as.part.messages.forward({ messageId: text.id, toPlanetId: s.general.id } as never)),
    ).toBe('SYS001')
  })
})
