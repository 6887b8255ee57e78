// Demo data for a newcomer's first minute: an admin, a host, travellers, two travels with planets and a
// few hundred messages in Korean and English, spread over the last days.
import type { Db } from '../client.ts'
import { searchGramsOf } from '../search-grams.ts'
import { demoConversation } from './demo-messages.ts'
import { seedTravel, seedUser } from './factories.ts'

export const DEMO_PASSWORD = 'connecto-demo'

export const DEMO_ACCOUNTS = [
  { role: 'ADMIN', email: 'admin@connecto.dev', nickname: 'Connecto Admin', password: DEMO_PASSWORD },
  { role: 'HOST', email: 'host@connecto.dev', nickname: 'Hana (host)', password: DEMO_PASSWORD },
  { role: 'USER', email: 'mina@connecto.dev', nickname: 'Mina', password: DEMO_PASSWORD },
  { role: 'USER', email: 'jun@connecto.dev', nickname: 'Jun', password: DEMO_PASSWORD },
  { role: 'USER', email: 'sora@connecto.dev', nickname: 'Sora', password: DEMO_PASSWORD },
  { role: 'USER', email: 'leo@connecto.dev', nickname: 'Leo', password: DEMO_PASSWORD },
  { role: 'USER', email: 'yuki@connecto.dev', nickname: 'Yuki', password: DEMO_PASSWORD },
] as const

/** Seeds once; returns false when the demo admin already exists. */
export async function seedDemo(db: Db) {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email } })) return false
  const users = []
  for (const account of DEMO_ACCOUNTS) {
    users.push(
      await seedUser(db, {
        email: account.email,
        nickname: account.nickname,
        password: account.password,
        role: account.role,
      }),
    )
  }
  const [, host, mina, jun, sora, leo, yuki] = users as [(typeof users)[0], ...typeof users]
  const day = 24 * 3600 * 1000
  const now = Date.now()

  const jeju = await seedTravel(db, {
    hostId: host!.id,
    name: 'Jeju Spring Escape 🌊',
    inviteCode: 'JEJUTRPS',
    startDate: new Date(now - 3 * day),
    endDate: new Date(now + 4 * day),
    status: 'ACTIVE',
    members: [
      { userId: mina!.id, role: 'MODERATOR' },
      { userId: jun!.id },
      { userId: sora!.id },
      { userId: leo!.id },
    ],
  })
  const kyoto = await seedTravel(db, {
    hostId: host!.id,
    name: 'Kyoto Autumn Walk 🍁',
    inviteCode: 'KYTAWALK',
    startDate: new Date(now + 20 * day),
    endDate: new Date(now + 27 * day),
    status: 'PLANNING',
    visibility: 'PUBLIC',
    members: [{ userId: yuki!.id }, { userId: mina!.id }],
  })

  const byNick = new Map(users.map((u) => [u.email.split('@')[0]!, u.id]))
  const conversations = [
    { planetId: jeju.general.id, lines: demoConversation('jeju-general'), startsDaysAgo: 3 },
    { planetId: jeju.announcements.id, lines: demoConversation('jeju-announcements'), startsDaysAgo: 3 },
    { planetId: kyoto.general.id, lines: demoConversation('kyoto-general'), startsDaysAgo: 5 },
    { planetId: kyoto.announcements.id, lines: demoConversation('kyoto-announcements'), startsDaysAgo: 5 },
  ]
  for (const { planetId, lines, startsDaysAgo } of conversations) {
    const start = now - startsDaysAgo * day
    const step = (startsDaysAgo * day - 30 * 60 * 1000) / Math.max(lines.length, 1)
    await db.message.createMany({
      data: lines.map(([who, content], i) => ({
        planetId,
        senderId: byNick.get(who) ?? host!.id,
        type: 'TEXT' as const,
        content,
        searchableText: content.toLowerCase(),
        searchGrams: searchGramsOf(content),
        createdAt: new Date(start + i * step),
      })),
    })
    await db.planet.update({
      where: { id: planetId },
      data: { lastMessageAt: new Date(start + (lines.length - 1) * step) },
    })
  }
  await seedDemoActivity(db, {
    hostId: host!.id,
    jejuTravelId: jeju.travel.id,
    general: jeju.general.id,
    announcements: jeju.announcements.id,
    members: { mina: mina!.id, jun: jun!.id, sora: sora!.id, leo: leo!.id },
  })
  return true
}

/**
 * What makes the Jeju chat look lived-in: read positions that leave a few unread messages (so badges and
 * the unread divider show), reactions, replies, a pinned notice, and an evening-only planet that shows
 * chat hours.
 */
async function seedDemoActivity(
  db: Db,
  d: {
    hostId: string
    jejuTravelId: string
    general: string
    announcements: string
    members: { mina: string; jun: string; sora: string; leo: string }
  },
) {
  const history = (planetId: string) =>
    db.message.findMany({
      where: { planetId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, senderId: true },
    })
  const general = await history(d.general)
  const notices = await history(d.announcements)
  const at = <T>(list: T[], i: number) => list[Math.max(0, Math.min(list.length - 1, i))]!

  // Unread: Mina has read everything but the last 6 of General, Jun is 15 behind, Sora is caught up.
  const behind: [string, number][] = [
    [d.members.mina, 6],
    [d.members.jun, 15],
    [d.members.sora, 0],
    [d.members.leo, 2],
    [d.hostId, 0],
  ]
  for (const [userId, unread] of behind) {
    for (const [planetId, list] of [
      [d.general, general],
      [d.announcements, notices],
    ] as const) {
      const last = at(list, list.length - 1 - (planetId === d.general ? unread : 0))
      await db.planetUser.updateMany({
        where: { planetId, userId },
        data: { lastReadMessageId: last.id, lastReadAt: new Date() },
      })
    }
  }

  const reactions: [number, string, string[]][] = [
    [2, '👍', [d.members.mina, d.members.jun, d.members.sora]],
    [2, '🎉', [d.members.leo]],
    [9, '😂', [d.members.jun, d.hostId]],
    [general.length - 4, '❤️', [d.members.mina, d.members.sora]],
    [general.length - 2, '👀', [d.members.leo]],
  ]
  await db.messageReaction.createMany({
    data: reactions.flatMap(([i, emoji, users]) =>
      users.map((userId) => ({ messageId: at(general, i).id, userId, emoji })),
    ),
    skipDuplicates: true,
  })
  // Two answers quote what they answer.
  for (const [reply, original] of [
    [5, 3],
    [general.length - 3, general.length - 5],
  ] as const) {
    await db.message.update({
      where: { id: at(general, reply).id },
      data: { replyToId: at(general, original).id },
    })
  }
  await db.message.update({
    where: { id: at(notices, 0).id },
    data: { pinnedAt: new Date(), pinnedById: d.hostId },
  })

  const everyone = [d.hostId, ...Object.values(d.members)]
  await db.planet.create({
    data: {
      travelId: d.jejuTravelId,
      name: 'Night owls 🌙',
      description: 'Open in the evenings only (20:00–02:00 Jeju time).',
      type: 'GROUP',
      createdById: d.hostId,
      timeZone: 'Asia/Seoul',
      timeRestrictionType: 'DAILY',
      timeRestriction: { type: 'DAILY', startTime: '20:00', endTime: '02:00' },
      members: {
        create: everyone.map((userId) => ({
          userId,
          role: userId === d.hostId ? ('MODERATOR' as const) : ('MEMBER' as const),
        })),
      },
    },
  })
}
