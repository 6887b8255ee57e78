// `npm start`: installs what is missing, builds the web apps, and runs api + web + admin with embedded
// defaults (PGlite under .data/, in-process bus) and demo data — or against DATABASE_URL / REDIS_URL.
import path from 'node:path'
import {
  buildWebApp,
  ensureInstalled,
  log,
  pnpmCommand,
  ROOT,
  spawnChild,
  stopAll,
  waitForUrl,
} from './lib.mjs'

const API_PORT = Number(process.env.API_PORT ?? 4000)
const WEB_PORT = Number(process.env.WEB_PORT ?? 3000)
const ADMIN_PORT = Number(process.env.ADMIN_PORT ?? 3001)
const apiUrl = process.env.PUBLIC_API_URL ?? `http://localhost:${API_PORT}`
const DEMO_HINT =
  'Demo: mina@connecto.dev (traveller), host@connecto.dev (host), admin@connecto.dev (admin) — password connecto-demo'

ensureInstalled()
const webEnv = {
  NEXT_PUBLIC_API_URL: apiUrl,
  API_URL: `http://127.0.0.1:${API_PORT}`,
  NEXT_PUBLIC_DEMO_HINT: process.env.NEXT_PUBLIC_DEMO_HINT ?? DEMO_HINT,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'connecto-local-demo-secret-change-me-in-production',
  CONNECTO_DEMO: '1',
}
buildWebApp('web', webEnv)
buildWebApp('admin', webEnv)

const [cmd, ...pre] = pnpmCommand()
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))

log(
  process.env.DATABASE_URL
    ? 'database: DATABASE_URL'
    : 'database: embedded PGlite in .data/ (set DATABASE_URL for Postgres)',
)
log(
  process.env.REDIS_URL
    ? 'bus: REDIS_URL'
    : 'bus, presence, rate limits: in-process (set REDIS_URL for Redis)',
)
spawnChild('api', cmd, [...pre, '--filter', '@connecto/api', 'start'], {
  env: {
    ...process.env,
    PORT: String(API_PORT),
    SEED_DEMO: process.env.SEED_DEMO ?? '1',
    DATA_DIR: process.env.DATA_DIR ?? path.join(ROOT, '.data'),
  },
})
await waitForUrl(`http://127.0.0.1:${API_PORT}/health`)
spawnChild('web', cmd, [...pre, '--filter', '@connecto/web', 'start'], {
  env: { ...process.env, ...webEnv, PORT: String(WEB_PORT), NEXTAUTH_URL: `http://localhost:${WEB_PORT}` },
})
spawnChild('admin', cmd, [...pre, '--filter', '@connecto/admin', 'start'], {
  env: {
    ...process.env,
    ...webEnv,
    PORT: String(ADMIN_PORT),
    NEXTAUTH_URL: `http://localhost:${ADMIN_PORT}`,
  },
})
await Promise.all([
  waitForUrl(`http://127.0.0.1:${WEB_PORT}/signin`),
  waitForUrl(`http://127.0.0.1:${ADMIN_PORT}/signin`),
])

console.log(`
  \x1b[1mConnecto is running\x1b[0m
    Web app (travellers)   http://localhost:${WEB_PORT}
    Admin (hosts, admins)  http://localhost:${ADMIN_PORT}
    API                    ${apiUrl}   (health: ${apiUrl}/health/detailed, metrics: ${apiUrl}/metrics)

  Demo accounts (password: connecto-demo)
    mina@connecto.dev     traveller, moderator in "Jeju Spring Escape"
    jun@connecto.dev      traveller
    host@connecto.dev     host of both demo travels
    admin@connecto.dev    platform admin

  Press Ctrl+C to stop.
`)
