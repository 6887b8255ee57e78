// Fails when schema.prisma and prisma/migrations disagree (someone changed the schema without
// running `pnpm db:migrate create <name>`), and checks that deploy applies cleanly to an empty database.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '../embedded.ts'
import { deployMigrations, diffMigrationsToSchema, migrationStatus } from './index.ts'

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

async function reachable() {
  const c = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 1000 })
  try {
    await c.connect()
    await c.end()
    return true
  } catch {
    if (process.env.CI) throw new Error(`CI needs Postgres at ${SERVER}`)
    return false
  }
}

const hasServer = await reachable()

describe('migrations', () => {
  let url: string
  let cleanup: () => Promise<void>
  beforeAll(async () => {
    if (hasServer) {
      const name = `connecto_mig_${randomBytes(4).toString('hex')}`
      const admin = new pg.Client(SERVER)
      await admin.connect()
      await admin.query(`CREATE DATABASE ${name}`)
      await admin.end()
      const u = new URL(SERVER)
      u.pathname = `/${name}`
      url = u.toString()
      cleanup = async () => {
        const c = new pg.Client(SERVER)
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await c.end()
      }
    } else {
      const embedded = await startEmbeddedPostgres()
      url = embedded.url
      cleanup = embedded.stop
    }
  }, 60_000)
  afterAll(() => cleanup())

  it('deploys every migration to an empty database, then reports it up to date', async () => {
    const applied = await deployMigrations(url)
    expect(applied.length).toBeGreaterThan(0)
    expect(await deployMigrations(url)).toEqual([])
    const status = await migrationStatus(url)
    expect(status.history).toBeNull()
    expect(status.failedMigrationNames).toEqual([])
  }, 60_000)

  it.skipIf(!hasServer)(
    'schema.prisma and the migrations folder agree (needs a Postgres server for the shadow database)',
    async () => {
      // Needs a real server: the diff replays the migrations into a shadow database.
      expect(await diffMigrationsToSchema(url)).toBe('')
    },
    60_000,
  )
})
