// The demo a newcomer signs in to: seeded once, with the activity that makes every screen show something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../client.ts'
import { startEmbeddedPostgres } from '../embedded.ts'
import { deployMigrations } from '../migrate/index.ts'
import { DEMO_ACCOUNTS, seedDemo } from './demo.ts'

let db: Db
let stop: () => Promise<void>
beforeAll(async () => {
  const pglite = await startEmbeddedPostgres()
  await deployMigrations(pglite.url)
  db = createDb({ databaseUrl: pglite.url, poolSize: 1 })
  stop = async () => {
    await db.$disconnect()
    await pglite.stop()
  }
}, 120_000)
afterAll(() => stop?.())

describe('seedDemo', () => {
  it('seeds accounts, travels, history and activity once', async () => {
    expect(await seedDemo(db)).toBe(true)
    expect(await seedDemo(db)).toBe(false)
    expect(await db.user.count()).toBe(DEMO_ACCOUNTS.length)
    expect(await db.travel.count()).toBe(2)
    expect(await db.message.count()).toBeGreaterThan(250)

    const jeju = await db.travel.findUniqueOrThrow({ where: { inviteCode: 'JEJUTRPS' } })
    const general = await db.planet.findFirstOrThrow({ where: { travelId: jeju.id, name: 'General' } })
    const mina = await db.user.findUniqueOrThrow({ where: { email: 'mina@connecto.dev' } })
    const watermark = await db.planetUser.findUniqueOrThrow({
      where: { planetId_userId: { planetId: general.id, userId: mina.id } },
    })
    const read = await db.message.findUniqueOrThrow({ where: { id: watermark.lastReadMessageId! } })
    const after = await db.message.count({
      where: { planetId: general.id, createdAt: { gt: read.createdAt } },
    })
    expect(after).toBe(6)

    expect(await db.messageReaction.count()).toBeGreaterThanOrEqual(8)
    expect(await db.message.count({ where: { replyToId: { not: null } } })).toBe(2)
    expect(await db.message.count({ where: { pinnedAt: { not: null } } })).toBe(1)
    const owls = await db.planet.findFirstOrThrow({
      where: { travelId: jeju.id, name: { startsWith: 'Night owls' } },
    })
    expect(owls).toMatchObject({ timeRestrictionType: 'DAILY', timeZone: 'Asia/Seoul' })
    expect(await db.planetUser.count({ where: { planetId: owls.id } })).toBe(5)
  }, 120_000)
})
