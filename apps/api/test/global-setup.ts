// Once per test run: pick the database mode, build a migrated template database (real Postgres mode)
// that each test file clones in milliseconds, and report what runs where.

import { deployMigrations } from '@connecto/db/migrate'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { canConnect, TEST_POSTGRES_URL, TEST_REDIS_URL, withDatabase } from './services.ts'

export const TEMPLATE_DB = 'connecto_test_template'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null
    redisUrl: string | null
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
  if (hasPostgres) {
    const admin = new pg.Client(TEST_POSTGRES_URL)
    await admin.connect()
    const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'connecto_t_%'")
    for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`)
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`)
    await admin.end()
    await deployMigrations(withDatabase(TEST_POSTGRES_URL, TEMPLATE_DB))
  }
  console.log(
    `[test services] database: ${hasPostgres ? `postgres (${TEST_POSTGRES_URL})` : 'embedded PGlite (no Postgres reachable)'}; ` +
      `redis: ${hasRedis ? TEST_REDIS_URL : 'not reachable — Redis-only tests are skipped'}`,
  )
  project.provide('postgresUrl', hasPostgres ? TEST_POSTGRES_URL : null)
  project.provide('redisUrl', hasRedis ? TEST_REDIS_URL : null)
}
