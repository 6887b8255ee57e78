// Once per test run: pick the database mode, build a migrated template database (real Postgres mode)
// that each test file clones in milliseconds, and report what runs where.

import { deployMigrations } from '@connecto/db/migrate'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { canConnect, TEST_POSTGRES_URL, TEST_REDIS_URL, withDatabase } from './services.ts'

// Each run has its own template and databases, so two runs on one server (a developer's and CI's)
// never drop each other's; leftovers of crashed runs older than two hours are removed.
const RUN_ID = Date.now().toString(36)
const STALE_MS = 2 * 60 * 60 * 1000

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null
    redisUrl: string | null
    templateDb: string
    runId: string
  }
}

export default async function setup(project: TestProject) {
  const inCi = !!process.env.CI
  const [hasPostgres, hasRedis] = await Promise.all([
    canConnect(TEST_POSTGRES_URL),
    canConnect(TEST_REDIS_URL),
  ])
  if (inCi && (!hasPostgres || !hasRedis)) {
    throw new Error(
      `CI needs real services: Postgres at ${TEST_POSTGRES_URL} is ${hasPostgres ? 'up' : 'DOWN'}, Redis at ${TEST_REDIS_URL} is ${hasRedis ? 'up' : 'DOWN'}`,
    )
  }
  const templateDb = `connecto_tpl_${RUN_ID}`
  if (hasPostgres) {
    await dropDatabases((name) => {
      const id = name.match(/^connecto_t(?:pl)?_([0-9a-z]+)/)?.[1]
      return !!id && Date.now() - Number.parseInt(id, 36) > STALE_MS
    })
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${templateDb}`))
    await deployMigrations(withDatabase(TEST_POSTGRES_URL, templateDb))
  }
  console.log(
    `[test services] database: ${hasPostgres ? `postgres (${TEST_POSTGRES_URL})` : 'embedded PGlite (no Postgres reachable)'}; ` +
      `redis: ${hasRedis ? TEST_REDIS_URL : 'not reachable — Redis-only tests are skipped'}`,
  )
  project.provide('postgresUrl', hasPostgres ? TEST_POSTGRES_URL : null)
  project.provide('redisUrl', hasRedis ? TEST_REDIS_URL : null)
  project.provide('templateDb', templateDb)
  project.provide('runId', RUN_ID)

  return async () => {
    if (hasPostgres)
      await dropDatabases((name) => name === templateDb || name.startsWith(`connecto_t_${RUN_ID}_`))
  }
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>) {
  const admin = new pg.Client(TEST_POSTGRES_URL)
  await admin.connect()
  try {
    return await work(admin)
  } finally {
    await admin.end()
  }
}

async function dropDatabases(match: (name: string) => boolean) {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'connecto_t%'",
    )
    for (const { datname } of rows.filter((r) => match(r.datname))) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    }
  })
}
