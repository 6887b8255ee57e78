// `npm test`: every test in the tree. Unit and integration tests (vitest) in each package against real
// Postgres and Redis when reachable (required in CI), then Playwright e2e in Debian Chromium against the
// real api + web + admin. Ends with one line: "total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { buildWebApp, canConnect, ensureInstalled, log, pnpmCommand, ROOT } from './lib.mjs'

const CI = !!process.env.CI
const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RESULTS = path.join(ROOT, '.test-results')
// Every workspace package whose `test` script is vitest, so a new package's tests are never left out.
const VITEST_PACKAGES = ['packages', 'apps']
  .flatMap((dir) =>
    readdirSync(path.join(ROOT, dir)).map((name) => path.join(ROOT, dir, name, 'package.json')),
  )
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')))
  .filter((pkg) => /^vitest\b/.test(pkg.scripts?.test ?? ''))
  .map((pkg) => pkg.name)

ensureInstalled()
rmSync(RESULTS, { recursive: true, force: true })
mkdirSync(RESULTS, { recursive: true })
const [pnpmCmd, ...pnpmPre] = pnpmCommand()
const totals = { passed: 0, failed: 0, skipped: 0 }
const skippedSuites = []
let exitCode = 0

const run = (args, env = {}) =>
  spawnSync(pnpmCmd, [...pnpmPre, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    .status ?? 1

for (const pkg of VITEST_PACKAGES) {
  const out = path.join(RESULTS, `${pkg.replace('@connecto/', '')}.json`)
  log(`vitest: ${pkg}`)
  const status = run([
    '--filter',
    pkg,
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ])
  if (status !== 0) exitCode = 1
  if (!existsSync(out)) {
    totals.failed += 1
    continue
  }
  const report = JSON.parse(readFileSync(out, 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
  for (const file of report.testResults) {
    for (const t of file.assertionResults)
      if (t.status === 'skipped' || t.status === 'pending') skippedSuites.push(t.fullName)
  }
}

const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && CI) {
  console.error(`[connecto] CI needs Chromium at ${CHROMIUM} for the e2e suite`)
  totals.failed += 1
  exitCode = 1
} else if (!hasChromium) {
  skippedSuites.push(
    `e2e (Playwright) — no Chromium at ${CHROMIUM}; install it with: apt-get install -y chromium`,
  )
  totals.skipped += 1
} else {
  const e2eEnv = await e2eServices()
  buildWebApp('web', e2eEnv)
  buildWebApp('admin', e2eEnv)
  const out = path.join(RESULTS, 'e2e.json')
  log('playwright: e2e')
  const status = run(['--filter', '@connecto/e2e', 'test'], { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: out })
  if (status !== 0) exitCode = 1
  if (existsSync(out)) {
    const { stats } = JSON.parse(readFileSync(out, 'utf8'))
    totals.passed += stats.expected + stats.flaky
    totals.failed += stats.unexpected
    totals.skipped += stats.skipped
  } else {
    totals.failed += 1
  }
}

if (skippedSuites.length) {
  console.log('\nSkipped, with the reason:')
  for (const s of skippedSuites) console.log(`  - ${s}`)
}
if (CI && totals.skipped > 0) {
  console.error('[connecto] nothing may be skipped in CI')
  exitCode = 1
}
if (totals.failed > 0) exitCode = 1
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(exitCode)

/** The api under e2e runs on a fresh Postgres database and Redis when they are here, else embedded. */
async function e2eServices() {
  const env = {
    CONNECTO_DEMO: '1',
    NEXTAUTH_SECRET: 'connecto-e2e-secret-connecto-e2e-secret',
    NEXT_PUBLIC_API_URL: 'http://localhost:4000',
    API_URL: 'http://127.0.0.1:4000',
    SEED_DEMO: '1',
  }
  if (await canConnect(POSTGRES)) {
    // pg is a dependency of packages/db, installed by ensureInstalled() above.
    const pg = createRequire(path.join(ROOT, 'packages', 'db', 'package.json'))('pg')
    const admin = new pg.Client(POSTGRES)
    await admin.connect()
    await admin.query('DROP DATABASE IF EXISTS connecto_e2e WITH (FORCE)')
    await admin.query('CREATE DATABASE connecto_e2e')
    await admin.end()
    const url = new URL(POSTGRES)
    url.pathname = '/connecto_e2e'
    env.DATABASE_URL = url.toString()
  } else {
    const dir = path.join(RESULTS, 'e2e-data')
    env.DATA_DIR = dir
  }
  if (await canConnect(REDIS)) env.REDIS_URL = REDIS
  return env
}
