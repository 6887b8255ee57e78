// The two servers under test as child processes, so their CPU and memory are measured apart from the
// load generator: the real api (apps/api/src/main.ts, with its job worker beside it as deployed at
// scale) and the bare ws + pg baseline.
import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const API_DIR = path.resolve(here, '../../../apps/api')

export type ServerProcess = {
  url: string
  pid: number
  /** The api's separate job worker (notification fan-out and the rest), when it has one. */
  workerPid?: number
  stop(): Promise<void>
}

export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`)
    try {
      if ((await fetch(`${url}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server at ${url} not healthy after ${timeoutMs} ms`)
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill('SIGTERM')
    })
}

async function start(args: string[], cwd: string, env: Record<string, string>, port: number) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHealth(url, child)
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  return { url, pid: child.pid!, stop: stopper(child) }
}

export async function startApiProcess(opts: {
  databaseUrl: string
  /** Null: the api runs with its in-process bus, limits and jobs (to tell Redis's share of the cost). */
  redisUrl: string | null
  jwtSecret: string
  cpuProfDir?: string
}): Promise<ServerProcess> {
  const port = await freePort()
  const prof = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : []
  // As the api's start script runs it: a 64 MB young generation (measured: less GC work at 1,000 msg/s).
  const gc = ['--max-semi-space-size=64']
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: opts.databaseUrl,
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl, API_ROLE: 'api' } : {}),
    JWT_SECRET: opts.jwtSecret,
    // Every bench client connects from 127.0.0.1.
    SIGNIN_LIMIT_PER_IP: '100000',
  }
  // With Redis, jobs run in a worker process of their own (API_ROLE=api), as a deployment past one
  // node runs them: the notification fan-out of every message then shares the cores, not the api's
  // event loop. Without Redis they can only run inside the api.
  const worker = opts.redisUrl
    ? spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
        cwd: API_DIR,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
      })
    : null
  try {
    const api = await start(
      [...gc, ...prof, '--import', 'tsx', 'src/main.ts'],
      API_DIR,
      { ...env, PORT: String(port) },
      port,
    )
    if (!worker) return api
    const stopWorker = stopper(worker)
    return {
      ...api,
      workerPid: worker.pid,
      stop: () => Promise.all([api.stop(), stopWorker()]).then(() => {}),
    }
  } catch (err) {
    worker?.kill('SIGKILL')
    throw err
  }
}

export async function startBaselineProcess(opts: { databaseUrl: string }): Promise<ServerProcess> {
  const port = await freePort()
  return start(
    ['--import', 'tsx', path.join(here, 'baseline-server.ts')],
    path.resolve(here, '..'),
    {
      DATABASE_URL: opts.databaseUrl,
      PORT: String(port),
    },
    port,
  )
}
