// Short-lived claims shared by the nodes: Redis with a TTL when configured, a per-runtime map otherwise.
// Used to rate-limit @all / @here.
import { onePer } from '../one-per.ts'
import type { Runtime } from '../runtime.ts'

/** In-process claims (no Redis): key → expiry. */
const localClaims = onePer((_rt: Runtime) => new Map<string, number>())

/** Sets the key only when absent; true when this call set it (the caller holds the slot). */
export async function claimKey(rt: Runtime, key: string, ttlSeconds: number) {
  if (rt.redis) return (await rt.redis.set(key, '1', 'EX', ttlSeconds, 'NX')) === 'OK'
  const claims = localClaims(rt)
  if ((claims.get(key) ?? 0) > Date.now()) return false
  claims.set(key, Date.now() + ttlSeconds * 1000)
  return true
}
