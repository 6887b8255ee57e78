// messages.search against real Postgres: Korean, Japanese, Chinese and English, whole and partial words,
// short queries; ranking; filters and keyset pages; access (only readable planets, never deleted
// messages); one statement per page; and plans that use the text indexes instead of scanning messages.
import { searchGramsOf } from '@connecto/db'
import { seedTravel } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, codeOf, createTestRuntime } from '../../test/harness.ts'
import { countStatements } from '../../test/sql-statements.ts'
import { messageFixtures } from './message-fixtures.ts'
import { searchMessages, searchQuery } from './search.service.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())
const fx = () => messageFixtures(t.rt)

const TEXTS = {
  jejuTrip: '제주도 여행 너무 좋아요',
  jejuMeet: '내일 제주에서 만나요',
  seoul: '서울 맛집 추천해 주세요',
  tokyo: '東京タワーに行きたい',
  tea: 'お茶を飲みましょう',
  beijing: '我想去北京玩',
  dinner: 'Dinner at the Jeju seafood market, 7pm',
  seaside: 'Seaside walk tomorrow?',
} as const

/** A travel whose general planet holds TEXTS (sent by part through the router), keyed by name. */
async function searchWorld() {
  const f = fx()
  const s = await f.setup()
  const sent: Record<string, string> = {}
  for (const [key, text] of Object.entries(TEXTS)) sent[key] = (await f.say(s.as.part, s.general.id, text)).id
  return { f, s, sent }
}

const ids = (page: { items: { message: { id: string } }[] }) => page.items.map((h) => h.message.id)

describe('messages.search matching', () => {
  it('finds Korean whole words, 2-syllable words and partial words, anywhere in a word', async () => {
    const { s, sent } = await searchWorld()
    const search = (query: string) => s.as.other.messages.search({ query })
    expect(new Set(ids(await search('제주')))).toEqual(new Set([sent.jejuTrip, sent.jejuMeet]))
    expect(ids(await search('제주도'))).toEqual([sent.jejuTrip])
    expect(ids(await search('주도'))).toEqual([sent.jejuTrip])
    expect(ids(await search('여행'))).toEqual([sent.jejuTrip])
    expect(ids(await search('제주 만나요'))).toEqual([sent.jejuMeet])
    expect(ids(await search('맛집'))).toEqual([sent.seoul])
    expect(ids(await search('추천'))).toEqual([sent.seoul])
    expect(ids(await search('부산'))).toEqual([])
  })

  it('finds Japanese and Chinese words inside unspaced text, single ideographs included', async () => {
    const { s, sent } = await searchWorld()
    const search = (query: string) => s.as.other.messages.search({ query })
    expect(ids(await search('タワー'))).toEqual([sent.tokyo])
    expect(ids(await search('東京'))).toEqual([sent.tokyo])
    expect(ids(await search('行き'))).toEqual([sent.tokyo])
    expect(ids(await search('茶'))).toEqual([sent.tea])
    expect(ids(await search('北京'))).toEqual([sent.beijing])
    expect(ids(await search('京'))).toEqual(expect.arrayContaining([sent.tokyo, sent.beijing]))
  })

  it('finds English case-insensitively, by partial words, with literal punctuation', async () => {
    const { s, sent } = await searchWorld()
    const search = (query: string) => s.as.other.messages.search({ query })
    expect(ids(await search('DINNER'))).toEqual([sent.dinner])
    expect(new Set(ids(await search('sea')))).toEqual(new Set([sent.dinner, sent.seaside]))
    expect(ids(await search('seafood market'))).toEqual([sent.dinner])
    expect(ids(await search('jeju'))).toEqual([sent.dinner])
    expect(ids(await search('7pm'))).toEqual([sent.dinner])
    expect(ids(await search('100%'))).toEqual([])
    expect(await codeOf(search('a'))).toBe('SYS001')
    expect(await codeOf(search('?!'))).toBe('SYS001')
  })

  it('returns highlighted plain-text snippets and the message view to jump to', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, 'Meet at <b>Gate 3</b> of Jeju airport')
    const [hit] = (await s.as.part.messages.search({ query: 'jeju gate' })).items
    expect(hit?.message).toEqual((await s.as.part.messages.list({ planetId: s.general.id })).items[0])
    expect(hit?.message.id).toBe(sent.id)
    expect(hit?.snippet).toEqual([
      { text: 'Meet at <b>', match: false },
      { text: 'Gate', match: true },
      { text: ' 3</b> of ', match: false },
      { text: 'Jeju', match: true },
      { text: ' airport', match: false },
    ])
  })

  it('finds locations by name and follows edits', async () => {
    const f = fx()
    const s = await f.setup()
    const place = await s.as.part.messages.send({
      planetId: s.general.id,
      clientMessageId: `loc-${Date.now()}`,
      type: 'LOCATION',
      location: { lat: 33.5, lng: 126.5, name: '성산일출봉' },
    })
    expect(ids(await s.as.part.messages.search({ query: '일출' }))).toEqual([place.id])
    const note = await f.say(s.as.part, s.general.id, 'see you at noon')
    await s.as.part.messages.edit({ messageId: note.id, content: '정오에 한라산 입구에서' })
    expect(ids(await s.as.part.messages.search({ query: 'noon' }))).toEqual([])
    expect(ids(await s.as.part.messages.search({ query: '한라' }))).toEqual([note.id])
  })
})

describe('messages.search ranking and pages', () => {
  it('ranks whole-word matches above matches inside longer words, and more occurrences higher', async () => {
    const f = fx()
    const s = await f.setup()
    const inside = await f.say(s.as.part, s.general.id, 'jejuisland tours are sold out')
    const twice = await f.say(s.as.part, s.general.id, 'jeju jeju jeju, we love jeju')
    const once = await f.say(s.as.part, s.general.id, 'flights to jeju are cheap this week')
    const page = await s.as.part.messages.search({ query: 'jeju' })
    expect(ids(page)).toEqual([twice.id, once.id, inside.id])
    const ranks = page.items.map((h) => h.rank)
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks)
    expect(ranks[1]).toBeGreaterThan(ranks[2] ?? 0)
  })

  it('pages through every hit once with the cursor; equal ranks come newest first', async () => {
    const f = fx()
    const s = await f.setup()
    await t.rt.db.$executeRaw`
      INSERT INTO messages (id, planet_id, sender_id, content, searchable_text, created_at)
      SELECT 'pg' || ${s.general.id} || lpad(i::text, 4, '0'), ${s.general.id}, ${s.users.part.id},
             'camping night ' || i, 'camping night ' || i, now() - (i % 7) * interval '1 minute'
        FROM generate_series(1, 45) AS i`
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await s.as.part.messages.search({ query: 'camping', limit: 10, cursor })
      seen.push(...ids(page))
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor)
    expect(pages).toBe(5)
    expect(new Set(seen).size).toBe(45)
    const rows = await t.rt.db.message.findMany({
      where: { id: { in: seen } },
      select: { id: true, createdAt: true },
    })
    const created = new Map(rows.map((r) => [r.id, r.createdAt.getTime()]))
    const times = seen.map((id) => created.get(id) ?? 0)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(await codeOf(s.as.part.messages.search({ query: 'camping', cursor: 'bm90IGEgY3Vyc29y' }))).toBe(
      'SYS001',
    )
  })

  it('filters by planet, sender and date range', async () => {
    const f = fx()
    const s = await f.setup()
    const byPart = await f.say(s.as.part, s.general.id, 'bus leaves at nine')
    const byHost = await f.say(s.as.host, s.announcements.id, 'the bus is booked')
    const old = await t.rt.db.message.create({
      data: {
        planetId: s.general.id,
        senderId: s.users.other.id,
        content: 'old bus ticket',
        searchableText: 'old bus ticket',
        createdAt: new Date('2026-01-10T12:00:00Z'),
      },
    })
    const search = (input: Record<string, unknown>) => s.as.part.messages.search({ query: 'bus', ...input })
    expect(new Set(ids(await search({})))).toEqual(new Set([byPart.id, byHost.id, old.id]))
    expect(ids(await search({ planetId: s.announcements.id }))).toEqual([byHost.id])
    expect(ids(await search({ senderId: s.users.part.id }))).toEqual([byPart.id])
    expect(ids(await search({ from: '2026-01-10T00:00:00Z', to: '2026-01-11T00:00:00Z' }))).toEqual([old.id])
    expect(ids(await search({ to: '2026-01-10T12:00:00Z' }))).toEqual([])
    expect(ids(await search({ from: '2026-01-10T12:00:00Z', to: '2026-01-10T12:00:00.001Z' }))).toEqual([
      old.id,
    ])
    expect(await codeOf(search({ from: '2026-02-01', to: '2026-01-01' }))).toBe('SYS001')
  })
})

describe('messages.search access', () => {
  it('finds only messages of planets the caller reads; never deleted ones; admins read everywhere', async () => {
    const f = fx()
    const s = await f.setup()
    const visible = await f.say(s.as.part, s.general.id, 'secret meeting point')
    const gone = await f.say(s.as.part, s.general.id, 'secret deleted plan')
    await s.as.part.messages.delete({ messageId: gone.id })
    // Another travel the participants are not in.
    const { general: elsewhere } = await seedTravel(t.rt.db, { hostId: s.users.outsider.id })
    const foreign = await f.say(s.as.outsider, elsewhere.id, 'secret of the other trip')

    const search = (caller: typeof s.as.part, input: Record<string, unknown> = {}) =>
      caller.messages.search({ query: 'secret', ...input })
    expect(ids(await search(s.as.part))).toEqual([visible.id])
    expect(ids(await search(s.as.part, { planetId: elsewhere.id }))).toEqual([])
    expect(ids(await search(s.as.outsider))).toEqual([foreign.id])
    expect(new Set(ids(await search(s.as.admin)))).toEqual(new Set([visible.id, foreign.id]))

    await t.rt.db.travelUser.updateMany({
      where: { travelId: s.travel.id, userId: s.users.other.id },
      data: { status: 'BANNED', bannedUntil: new Date(Date.now() + 3_600_000) },
    })
    expect(ids(await search(s.as.other))).toEqual([])
    await t.rt.db.planetUser.updateMany({
      where: { planetId: s.general.id, userId: s.users.mod.id },
      data: { status: 'LEFT' },
    })
    expect(ids(await search(s.as.mod))).toEqual([])
    await t.rt.db.planet.update({ where: { id: elsewhere.id }, data: { status: 'DELETED' } })
    expect(ids(await search(s.as.outsider))).toEqual([])
    expect(ids(await search(s.as.admin))).toEqual([visible.id])
    const anyone = await callerFor(t.rt, s.users.host.id)
    expect(ids(await search(anyone))).toEqual([visible.id])
  })

  it('reads a page of any size in one statement', async () => {
    const { s } = await searchWorld()
    for (const query of ['제주', 'dinner', '茶']) {
      const { result, statements } = await countStatements(t.rt, () =>
        searchMessages(t.rt, { id: s.users.part.id, role: 'USER' }, { query, limit: 50 }),
      )
      expect(result.items.length).toBeGreaterThan(0)
      expect(statements).toHaveLength(1)
    }
  })
})

describe('messages.search plans', () => {
  type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }
  const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)]

  it('finds hits through the trigram and gram indexes, never scanning messages, on a large table', async () => {
    const f = fx()
    const s = await f.setup()
    // 30 000 messages in a planet the searcher reads (so the planet index alone would not narrow it).
    await t.rt.db.$executeRaw`
      INSERT INTO messages (id, planet_id, sender_id, content, searchable_text, created_at)
      SELECT 'bulk' || lpad(i::text, 6, '0'), ${s.general.id}, ${s.users.part.id}, txt, lower(txt),
             now() - i * interval '1 second'
        FROM generate_series(1, 30000) AS i,
             LATERAL (SELECT (ARRAY['오늘 날씨 맑음 산책 가요', 'lunch at the harbour', '駅で待ってます',
                                    'shopping list: water snacks'])[1 + i % 4] || ' #' || i AS txt) AS x`
    await f.say(s.as.part, s.general.id, '제주 공항 도착했어요')
    await f.say(s.as.part, s.general.id, 'Jeju airport arrivals hall')
    // Steady state: statistics current and the GIN pending lists merged, as autovacuum keeps them.
    await t.rt.db.$executeRawUnsafe('VACUUM ANALYZE messages')
    // The control: the same 2-character term through LIKE alone has no trigram to use, and scans.
    const control = await t.rt.db.$queryRaw<{ 'QUERY PLAN': string }[]>`
      EXPLAIN SELECT id FROM messages WHERE searchable_text LIKE '%공항%' AND deleted_at IS NULL`
    expect(control.map((r) => r['QUERY PLAN']).join('\n')).toContain('Seq Scan on messages')
    const actor = { id: s.users.part.id, role: 'USER' as const }
    for (const [query, index] of [
      ['airport', 'messages_searchable_text_idx'],
      ['공항 도착', 'messages_search_grams_idx'],
      ['제주', 'messages_search_grams_idx'],
    ] as const) {
      const { sql } = searchQuery(actor, { query, limit: 20 })
      const [row] = await t.rt.db.$queryRaw<
        { 'QUERY PLAN': [{ Plan: PlanNode }] }[]
      >`EXPLAIN (FORMAT JSON) ${sql}`
      const plan = nodes(row!['QUERY PLAN'][0].Plan)
      const onMessages = plan.filter((n) => n['Relation Name'] === 'messages')
      expect(onMessages.map((n) => n['Node Type'])).not.toContain('Seq Scan')
      expect(plan.map((n) => n['Index Name'])).toContain(index)
    }
    // The one message holding it, among 30 000.
    expect((await searchMessages(t.rt, actor, { query: '공항', limit: 20 })).items).toHaveLength(1)
  })
})

describe('search grams', () => {
  const texts = [
    '제주도 가는 배는 9시에 떠나요!',
    '北京烤鸭 和 茶',
    '東京タワーへ行きましょう、ラーメンも',
    'Meet at the café at 7:30 — bring 2 tickets',
    'la la land 🍜🚌 #trip @mina',
    'a',
    '',
    '   ',
    'x1 y2 ü ß 3rd',
  ]

  it('the app writes exactly what the database function message_search_grams computes', async () => {
    for (const text of texts) {
      const [row] = await t.rt.db.$queryRaw<
        { grams: string[] }[]
      >`SELECT message_search_grams(${text}) AS grams`
      expect([...searchGramsOf(text)].sort(), text).toEqual([...(row?.grams ?? [])].sort())
    }
  })

  it('are stored with a sent message and replaced on edit', async () => {
    const f = fx()
    const s = await f.setup()
    const sent = await f.say(s.as.part, s.general.id, '제주 여행')
    const stored = () =>
      t.rt.db.message.findUniqueOrThrow({ where: { id: sent.id }, select: { searchGrams: true } })
    expect((await stored()).searchGrams).toEqual(searchGramsOf('제주 여행'))
    await s.as.part.messages.edit({ messageId: sent.id, content: '北京 trip' })
    expect((await stored()).searchGrams).toEqual(searchGramsOf('北京 trip'))
    expect(ids(await s.as.part.messages.search({ query: '北京' }))).toEqual([sent.id])
  })
})
