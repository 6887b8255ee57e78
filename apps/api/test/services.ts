// Finds the test services: real Postgres and Redis when reachable (required in CI), embedded PGlite and
// "no Redis" otherwise, so the suite also runs on a machine with nothing but Node.js.
import net from 'node:net'

export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export function canConnect(url: string, timeoutMs = 1000) {
  const { hostname, port } = new URL(url)
  const defaultPort = url.startsWith('redis') ? 6379 : 5432
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
