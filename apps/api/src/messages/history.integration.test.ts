// messages.list against real Postgres: latest / before / after / around pages in (createdAt, id) order,
// their edges and refusals, the same views as the rest of messaging, a two-statement budget whatever
// the page holds, and paging while messages keep arriving.
import { LIMITS } from '@connecto/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { countStatements } from '../../test/sql-statements.ts'
import { historyPageQuery, listMessages } from './history.service.ts'
import { messageFixtures } from './message-fixtures.ts'
import { loadMessageView } from './message-lookup.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => messageFixtures(t.rt)

/**
 * `count` messages straight into the table, one millisecond apart from `start`, every `tieEvery`-th
 * pair sharing a millisecond so the id has to break the tie. Returns ids oldest first.
 */
async function insertMessages(
  planetId: string,
  senderId: string,
  count: number,
  start = Date.now() - 3_600_000,
) {
  const rows = await t.rt.db.$queryRaw<{ id: string }[]>`
    INSERT INTO messages (id, planet_id, sender_id, content, searchable_text, created_at)
    SELECT 'h' || ${planetId} || lpad(i::text, 6, '0'), ${planetId}, ${senderId}, 'message ' || i, 'message ' || i,
           ${new Date(start)}::timestamp + ((i - i % 3) * interval '1 millisecond')
      FROM generate_series(1, ${count}) AS i
    RETURNING id`
  return rows.map((r) => r.id).sort()
}

/** Ids of the whole planet in history order (oldest first), straight from the table. */
async function idsInOrder(planetId: string) {
  const rows = await t.rt.db.message.findMany({
    where: { planetId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  })
  return rows.map((r) => r.id)
}

describe('messages.list pages', () => {
  it('shows the latest 50 by default, newest first, and pages back with before to the very first', async () => {
    const s = await fx().setup()
    await insertMessages(s.general.id, s.users.part.id, 130)
    const all = await idsInOrder(s.general.id)
    const first = await s.as.part.messages.list({ planetId: s.general.id })
    expect(first.items).toHaveLength(LIMITS.historyPageDefault)
    expect(first.items.map((m) => m.id)).toEqual(all.slice(-50).reverse())
    expect(first).toMatchObject({
      hasMoreBefore: true,
      hasMoreAfter: false,
      nextCursor: all[all.length - 50],
    })

    const seen = [...first.items.map((m) => m.id)]
    let cursor = first.nextCursor
    while (cursor) {
      const page = await s.as.part.messages.list({ planetId: s.general.id, before: cursor, limit: 40 })
      expect(page.hasMoreAfter).toBe(true)
      seen.push(...page.items.map((m) => m.id))
      cursor = page.nextCursor
      if (!page.hasMoreBefore) expect(cursor).toBeNull()
    }
    expect(seen).toEqual([...all].reverse())
  })

  it('pages forward with after from the first message to the latest', async () => {
    const s = await fx().setup()
    await insertMessages(s.general.id, s.users.part.id, 75)
    const all = await idsInOrder(s.general.id)
    const seen = [all[0]!]
    let page = await s.as.part.messages.list({ planetId: s.general.id, after: all[0], limit: 30 })
    expect(page).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true })
    seen.push(...page.items.map((m) => m.id).reverse())
    while (page.hasMoreAfter) {
      page = await s.as.part.messages.list({ planetId: s.general.id, after: seen.at(-1), limit: 30 })
      seen.push(...page.items.map((m) => m.id).reverse())
    }
    expect(seen).toEqual(all)
    expect(await s.as.part.messages.list({ planetId: s.general.id, after: all.at(-1) })).toEqual({
      items: [],
      hasMoreBefore: true,
      hasMoreAfter: false,
      nextCursor: null,
    })
  })

  it('jumps around a message: half before, the message, half after, with what lies beyond', async () => {
    const s = await fx().setup()
    await insertMessages(s.general.id, s.users.part.id, 60)
    const all = await idsInOrder(s.general.id)
    const target = all[30]!
    const page = await s.as.part.messages.list({ planetId: s.general.id, around: target, limit: 11 })
    expect(page.items.map((m) => m.id)).toEqual(all.slice(25, 36).reverse())
    expect(page).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true, nextCursor: all[25] })

    const oldest = await s.as.part.messages.list({ planetId: s.general.id, around: all[0], limit: 10 })
    expect(oldest.items.map((m) => m.id)).toEqual(all.slice(0, 6).reverse())
    expect(oldest).toMatchObject({ hasMoreBefore: false, hasMoreAfter: true, nextCursor: null })

    const newest = await s.as.part.messages.list({ planetId: s.general.id, around: all.at(-1), limit: 10 })
    expect(newest.items.map((m) => m.id)).toEqual(all.slice(-5).reverse())
    expect(newest).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false })

    const alone = await s.as.part.messages.list({ planetId: s.general.id, around: target, limit: 1 })
    expect(alone.items.map((m) => m.id)).toEqual([target])
    expect(alone).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true })
  })

  it('returns the same views as the rest of messaging: replies, reactions, deleted messages', async () => {
    const f = fx()
    const s = await f.setup()
    const first = await f.say(s.as.part, s.general.id, 'Where do we meet?')
    const reply = await f.say(s.as.other, s.general.id, 'At the pier', { replyToId: first.id })
    await s.as.host.messages.react({ messageId: reply.id, emoji: '👍' })
    await s.as.part.messages.react({ messageId: reply.id, emoji: '👍' })
    await s.as.part.messages.react({ messageId: first.id, emoji: '🎉' })
    const gone = await f.say(s.as.part, s.general.id, 'oops')
    await s.as.part.messages.delete({ messageId: gone.id })
    const page = await s.as.other.messages.list({ planetId: s.general.id })
    const expected = await Promise.all(page.items.map((m) => loadMessageView(t.rt.db, m.id)))
    expect(page.items).toEqual(expected)
    expect(page.items.map((m) => m.id)).toEqual([gone.id, reply.id, first.id])
    expect(page.items[0]).toMatchObject({ deleted: true, content: null })
    expect(page.items[1]?.reactions).toEqual([
      { emoji: '👍', count: 2, userIds: [s.users.host.id, s.users.part.id] },
    ])
    expect(page.items[1]?.replyTo).toMatchObject({ id: first.id, excerpt: 'Where do we meet?' })
  })

  it('refuses limits over 100, two cursors, and a cursor from another planet', async () => {
    const s = await fx().setup()
    const ids = await insertMessages(s.announcements.id, s.users.host.id, 3)
    const list = (input: Record<string, unknown>) =>
      s.as.part.messages.list({ planetId: s.general.id, ...input } as never)
    expect(await codeOf(list({ limit: LIMITS.historyPageMax + 1 }))).toBe('SYS001')
    expect(await codeOf(list({ limit: 0 }))).toBe('SYS001')
    expect(await codeOf(list({ before: 'x1', after: 'x2' }))).toBe('SYS001')
    for (const cursor of ['before', 'after', 'around']) {
      expect(await codeOf(list({ [cursor]: ids[0] }))).toBe('MSG001')
      expect(await codeOf(list({ [cursor]: 'no-such-message' }))).toBe('MSG001')
    }
    expect((await list({ limit: LIMITS.historyPageMax })).items).toEqual([])
  })

  it('lets members and platform admins read; refuses outsiders, banned and removed members', async () => {
    const f = fx()
    const s = await f.setup()
    await f.say(s.as.part, s.general.id, 'hello')
    expect((await s.as.admin.messages.list({ planetId: s.general.id })).items).toHaveLength(1)
    expect(await codeOf(s.as.outsider.messages.list({ planetId: s.general.id }))).toBe('PLT002')
    expect(await codeOf(s.as.part.messages.list({ planetId: 'no-such-planet' }))).toBe('PLT001')
    await t.rt.db.travelUser.updateMany({
      where: { travelId: s.travel.id, userId: s.users.other.id },
      data: { status: 'BANNED', bannedUntil: new Date(Date.now() + 3_600_000) },
    })
    expect(await codeOf(s.as.other.messages.list({ planetId: s.general.id }))).toBe('TRV008')
    await t.rt.db.planetUser.updateMany({
      where: { planetId: s.general.id, userId: s.users.part.id },
      data: { status: 'LEFT' },
    })
    expect(await codeOf(s.as.part.messages.list({ planetId: s.general.id }))).toBe('PLT002')
  })

  it('reads again once an expired travel ban has been lifted on the spot', async () => {
    const f = fx()
    const s = await f.setup()
    await f.say(s.as.host, s.general.id, 'welcome back')
    await t.rt.db.travelUser.updateMany({
      where: { travelId: s.travel.id, userId: s.users.other.id },
      data: { status: 'BANNED', bannedUntil: new Date(Date.now() - 1000) },
    })
    expect((await s.as.other.messages.list({ planetId: s.general.id })).items).toHaveLength(1)
  })
})

describe('messages.list statement budget', () => {
  it('reads any page — latest, before, after, around, up to 100 with replies and reactions — in two statements', async () => {
    const f = fx()
    const s = await f.setup()
    const ids = await insertMessages(s.general.id, s.users.part.id, 150)
    // Every message replied to, reacted to by several members, and pinned: no per-row statement may hide.
    await t.rt.db.$executeRaw`
      UPDATE messages m SET reply_to_id = prev.id, pinned_at = now()
        FROM messages prev WHERE m.planet_id = ${s.general.id} AND prev.planet_id = m.planet_id
         AND prev.created_at < m.created_at AND prev.id = (
           SELECT id FROM messages x WHERE x.planet_id = m.planet_id AND x.created_at < m.created_at
           ORDER BY x.created_at DESC, x.id DESC LIMIT 1)`
    for (const userId of [s.users.host.id, s.users.part.id, s.users.other.id]) {
      await t.rt.db.messageReaction.createMany({
        data: ids.map((messageId) => ({ messageId, userId, emoji: '🔥' })),
      })
    }
    const actor = { id: s.users.part.id, role: 'USER' as const }
    const planetId = s.general.id
    for (const input of [
      { planetId, limit: 100 },
      { planetId, limit: 1 },
      { planetId, before: ids[120], limit: 100 },
      { planetId, after: ids[10], limit: 100 },
      { planetId, around: ids[75], limit: 100 },
    ]) {
      const { result, statements, transactionControl } = await countStatements(t.rt, () =>
        listMessages(t.rt, actor, input),
      )
      expect(result.items.length).toBeGreaterThan(0)
      expect(result.items.slice(0, -1).every((m) => m.replyTo !== null && m.reactions[0]?.count === 3)).toBe(
        true,
      )
      expect(statements).toHaveLength(2)
      expect(transactionControl).toEqual([])
    }
    const admin = { id: s.users.admin.id, role: 'ADMIN' as const }
    const { statements } = await countStatements(t.rt, () =>
      listMessages(t.rt, admin, { planetId, limit: 100 }),
    )
    expect(statements).toHaveLength(2)
  })
})

describe('messages.list plans', () => {
  it('reads deep pages through the planet index, never scanning messages', async () => {
    const s = await fx().setup()
    const ids = await insertMessages(s.general.id, s.users.part.id, 20_000)
    await insertMessages(s.announcements.id, s.users.host.id, 5_000)
    await t.rt.db.$executeRawUnsafe('VACUUM ANALYZE messages')
    const planetId = s.general.id
    for (const input of [
      { planetId, limit: 50 },
      { planetId, before: ids[10_000], limit: 100 },
      { planetId, after: ids[5], limit: 100 },
      { planetId, around: ids[15_000], limit: 100 },
    ]) {
      const rows = await t.rt.db.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN ${historyPageQuery(input)}`
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n')
      expect(plan).not.toMatch(/Seq Scan on messages/)
      expect(plan).toContain('messages_planet_id_created_at_id_idx')
    }
  })
})

describe('messages.list while messages arrive', () => {
  it('pages back and forward without repeating or skipping anything while a writer keeps inserting', async () => {
    const s = await fx().setup()
    const planetId = s.general.id
    await insertMessages(planetId, s.users.part.id, 120)
    const before = await idsInOrder(planetId)
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        await t.rt.db.$executeRaw`
          INSERT INTO messages (id, planet_id, sender_id, content, created_at)
          VALUES (${`live${planetId}${String(++written).padStart(5, '0')}`}, ${planetId}, ${s.users.other.id},
                  'live', now())`
      }
    })()

    // Backward from the latest: the first page may hold new messages, later pages only older ones.
    const first = await s.as.part.messages.list({ planetId, limit: 15 })
    const backward = first.items.map((m) => m.id)
    let cursor = first.nextCursor
    while (cursor) {
      const page = await s.as.part.messages.list({ planetId, before: cursor, limit: 15 })
      backward.push(...page.items.map((m) => m.id))
      cursor = page.nextCursor
    }
    expect(written).toBeGreaterThan(0)
    // Forward from the first message, past the tail the writer keeps extending, until it is caught up.
    const forward = [before[0]!]
    for (;;) {
      const page = await s.as.part.messages.list({ planetId, after: forward.at(-1), limit: 15 })
      forward.push(...page.items.map((m) => m.id).reverse())
      if (page.hasMoreAfter) continue
      if (!writing) break
      // Caught up with the writer: let it write a few more, then stop it and read the rest.
      if (written >= 20) {
        writing = false
        await writer
      } else {
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    await writer
    expect(written).toBeGreaterThan(0)
    const after = await idsInOrder(planetId)
    expect(new Set(backward).size).toBe(backward.length)
    expect([...backward].reverse()).toEqual(after.slice(0, backward.length))
    expect(backward.slice(first.items.length).every((id) => before.includes(id))).toBe(true)
    expect(forward).toEqual(after)
  })
})
