// The benchmark's world: a fresh Postgres database with the api's migrations, N users in planets of
// `planetSize` (each a travel's General planet, seeded through the db package's factories) with some
// history already in them, and an access token per user signed with the secret the api under test is
// started with.
import { randomBytes } from 'node:crypto'
import { createDb, searchGramsOf } from '@connecto/db'
import { deployMigrations } from '@connecto/db/migrate'
import { seedTravel, seedUser } from '@connecto/db/seed'
import { SignJWT } from 'jose'
import pg from 'pg'

export const POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
/** Matches the api's default; tokens are minted with it and the api child is started with it. */
export const JWT_ISSUER = 'connecto'

export type BenchClient = { userId: string; planetId: string; token: string }
export type Scenario = {
  databaseUrl: string
  /** VACUUM ANALYZE, as autovacuum keeps a deployed database (this machine's Postgres runs without it). */
  upkeep(): Promise<void>
  jwtSecret: string
  clients: BenchClient[]
  drop(): Promise<void>
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

const admin = <T>(work: (c: pg.Client) => Promise<T>) => withClient(POSTGRES_SERVER, work)

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client(url)
  await c.connect()
  try {
    return await work(c)
  } finally {
    await c.end()
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await work(items[i] as T, i)
      }
    }),
  )
  return out
}

/**
 * Messages each planet already holds when the bench starts. A chat database is never empty, and the
 * planner's statistics should describe one that isn't: analysed while `messages` has a few rows, a
 * lookup by (sender, clientMessageId) plans as a scan of the whole table, which then grows under load.
 */
export const HISTORY_PER_PLANET = 200

async function seedHistory(c: pg.Client, groups: { userId: string; planetId: string }[][]) {
  const started = Date.now() - 30 * 24 * 3600 * 1000
  for (const group of groups) {
    const rows = Array.from({ length: HISTORY_PER_PLANET }, (_, n) => {
      const sender = group[n % group.length]!
      const content = `earlier message ${n} in this trip`
      return {
        id: `hist-${sender.planetId}-${n}`,
        planetId: sender.planetId,
        senderId: sender.userId,
        content,
        clientMessageId: `hist-${n}`,
        grams: JSON.stringify(searchGramsOf(content)),
        createdAt: new Date(started + n * 60_000).toISOString(),
      }
    })
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key])
    await c.query(
      `INSERT INTO messages (id, planet_id, sender_id, type, content, client_message_id, searchable_text,
                             search_grams, created_at)
       SELECT id, planet_id, sender_id, 'TEXT', content, cmid, lower(content),
              ARRAY(SELECT jsonb_array_elements_text(grams)), created_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[])
           AS h(id, planet_id, sender_id, content, cmid, grams, created_at)`,
      [
        column('id'),
        column('planetId'),
        column('senderId'),
        column('content'),
        column('clientMessageId'),
        column('grams'),
        column('createdAt'),
      ],
    )
  }
}

export async function createScenario(opts: { clients: number; planetSize: number }): Promise<Scenario> {
  const name = `connecto_bench_${Date.now().toString(36)}`
  await admin((c) => c.query(`CREATE DATABASE ${name}`))
  const databaseUrl = withDatabase(POSTGRES_SERVER, name)
  const drop = () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {})
  try {
    await deployMigrations(databaseUrl)
    const db = createDb({ databaseUrl, poolSize: 10 })
    const jwtSecret = randomBytes(32).toString('hex')
    const key = new TextEncoder().encode(jwtSecret)
    const planets = Math.ceil(opts.clients / opts.planetSize)
    const groups = await inBatches(Array.from({ length: planets }), 8, async () => {
      const users = await Promise.all(Array.from({ length: opts.planetSize }, () => seedUser(db)))
      const [host, ...members] = users
      const { general } = await seedTravel(db, {
        hostId: host!.id,
        members: members.map((m) => ({ userId: m.id })),
      })
      return users.map((u) => ({ userId: u.id, planetId: general.id }))
    })
    await db.$disconnect()
    await withClient(databaseUrl, (c) => seedHistory(c, groups))
    const upkeep = () => withClient(databaseUrl, (c) => c.query('VACUUM ANALYZE')).then(() => {})
    await upkeep()
    const now = Math.floor(Date.now() / 1000)
    const clients = await Promise.all(
      groups.flat().map(async (c) => ({
        ...c,
        token: await new SignJWT({ sid: `bench-${c.userId}` })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(c.userId)
          .setIssuer(JWT_ISSUER)
          .setIssuedAt(now)
          .setExpirationTime(now + 3600)
          .sign(key),
      })),
    )
    return { databaseUrl, upkeep, jwtSecret, clients, drop }
  } catch (err) {
    await drop()
    throw err
  }
}
