// Short-lived keys shared by the nodes: Redis with a TTL when configured, a per-runtime map otherwise.
// Used for "which planet is this user looking at" and for rate-limiting @all / @here.
import type { Runtime } from '../runtime.ts'

type Entry = { value: string; expiresAt: number }
const memory = new WeakMap<Runtime, Map<string, Entry>>()

function local(rt: Runtime) {
  let m = memory.get(rt)
  if (!m) {
    m = new Map()
    memory.set(rt, m)
  }
  return m
}

function liveEntry(rt: Runtime, key: string) {
  const e = local(rt).get(key)
  if (e && e.expiresAt <= Date.now()) {
    local(rt).delete(key)
    return undefined
  }
  return e
}

export async function setKey(rt: Runtime, key: string, value: string, ttlSeconds: number) {
  if (rt.redis) {
    await rt.redis.set(key, value, 'EX', ttlSeconds)
    return
  }
  local(rt).set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 })
}

export async function deleteKey(rt: Runtime, key: string) {
  if (rt.redis) await rt.redis.del(key)
  else local(rt).delete(key)
}

export async function getKeys(rt: Runtime, keys: string[]): Promise<(string | null)[]> {
  if (!keys.length) return []
  if (rt.redis) return rt.redis.mget(keys)
  return keys.map((k) => liveEntry(rt, k)?.value ?? null)
}

/** Sets the key only when absent; true when this call set it (the caller holds the slot). */
export async function claimKey(rt: Runtime, key: string, ttlSeconds: number) {
  if (rt.redis) return (await rt.redis.set(key, '1', 'EX', ttlSeconds, 'NX')) === 'OK'
  if (liveEntry(rt, key)) return false
  local(rt).set(key, { value: '1', expiresAt: Date.now() + ttlSeconds * 1000 })
  return true
}
