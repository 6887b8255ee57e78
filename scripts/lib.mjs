// Helpers for the root scripts (start, test): run pnpm (fetched through npm when it is not installed),
// install once, spawn children that die with us, wait for URLs.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PNPM_VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1]

/** The pnpm command line: the installed one when its version matches, else `npx pnpm@<pinned>`. */
export function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' })
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm']
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`]
}

export function log(message) {
  console.log(`\x1b[36m[connecto]\x1b[0m ${message}`)
}

/** Runs a command to completion with inherited output; exits the process when it fails. */
export function runOrExit(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: ROOT,
    shell: process.platform === 'win32',
    ...opts,
  })
  if (result.status !== 0) {
    console.error(`\n[connecto] failed: ${cmd} ${args.join(' ')}`)
    process.exit(result.status ?? 1)
  }
}

export function pnpm(args, opts) {
  const [cmd, ...pre] = pnpmCommand()
  runOrExit(cmd, [...pre, ...args], opts)
}

export function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules', '.modules.yaml')
  const lock = path.join(ROOT, 'pnpm-lock.yaml')
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return
  log('installing dependencies (first run)…')
  pnpm(['install', '--frozen-lockfile'])
}

// Next.js would try to send telemetry; these machines (and many CI runners) have no route for it.
process.env.NEXT_TELEMETRY_DISABLED = '1'

const children = new Set()
export function spawnChild(name, cmd, args, opts = {}) {
  // Own process group, so stopping reaches what pnpm starts underneath (tsx, next-server) too.
  const child = spawn(cmd, args, {
    detached: process.platform !== 'win32',
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
    ...opts,
  })
  children.add(child)
  const prefix = `\x1b[35m${name.padEnd(5)}\x1b[0m │ `
  const forward = (stream, out) => {
    let buffer = ''
    stream.on('data', (chunk) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) out.write(`${prefix}${line}\n`)
    })
  }
  forward(child.stdout, process.stdout)
  forward(child.stderr, process.stderr)
  child.on('exit', (code) => {
    children.delete(child)
    if (code && !stopping) {
      console.error(`[connecto] ${name} exited with code ${code}`)
      stopAll(code)
    }
  })
  return child
}

let stopping = false
export function stopAll(code = 0) {
  if (stopping) return
  stopping = true
  for (const child of children) {
    try {
      if (process.platform === 'win32') child.kill('SIGTERM')
      else process.kill(-child.pid, 'SIGTERM')
    } catch {}
  }
  setTimeout(() => process.exit(code), 8000).unref()
  if (children.size === 0) process.exit(code)
  const timer = setInterval(() => {
    if (children.size === 0) {
      clearInterval(timer)
      process.exit(code)
    }
  }, 100)
}

export async function waitForUrl(url, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`timed out waiting for ${url}`)
}

export function canConnect(url, timeoutMs = 1000) {
  const { hostname, port, protocol } = new URL(url)
  return new Promise((resolve) => {
    const socket = net.connect({
      host: hostname,
      port: Number(port || (protocol.startsWith('redis') ? 6379 : 5432)),
    })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** Newest modification time of the files under `dir`, skipping build output and dependencies. */
export function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', '.turbo', 'test-results'].includes(entry.name)) continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

/** Builds a Next app unless its build is newer than its sources and the shared packages. */
export function buildWebApp(name, env) {
  const appDir = path.join(ROOT, 'apps', name)
  const buildId = path.join(appDir, '.next', 'BUILD_ID')
  const sources = Math.max(
    newestMtime(appDir),
    newestMtime(path.join(ROOT, 'packages', 'shared')),
    newestMtime(path.join(ROOT, 'packages', 'client')),
    newestMtime(path.join(ROOT, 'packages', 'web-kit')),
  )
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources && !process.env.CONNECTO_REBUILD) {
    log(`${name}: build is up to date`)
    return
  }
  log(`${name}: building (production build, about a minute)…`)
  pnpm(['--filter', `@connecto/${name}`, 'build'], { env: { ...process.env, ...env } })
}
