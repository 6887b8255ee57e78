// Demo data for a newcomer's first minute: an admin, a host, travellers, two travels with planets and a
// few hundred messages in Korean and English, spread over the last days.
import type { Db } from '../client.ts'
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
        createdAt: new Date(start + i * step),
      })),
    })
    await db.planet.update({
      where: { id: planetId },
      data: { lastMessageAt: new Date(start + (lines.length - 1) * step) },
    })
  }
  return true
}
