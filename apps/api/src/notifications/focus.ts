// "Looking at a planet": a focused client calls notifications.focus every ~20 s; each claim lasts 30 s,
// and while it holds, ordinary messages of that planet make no notification and no push for that user.
// so a closed laptop or a background tab stops counting on its own. An open socket alone is not focus.
// Claims are per planet, so a phone on one chat and a laptop on another both count; `null` (a client
// hid its tab or left the chat) drops the user's claims at once, and a still-focused client renews
// its own within one interval.
import { onePer } from '../one-per.ts'
import { pipelineInChunks } from '../redis-chunks.ts'
import type { Runtime } from '../runtime.ts'

export const FOCUS_TTL_MS = 30_000
const focusKey = (userId: string) => `notify:focus:${userId}`

/** In-process claims (no Redis): user → planet → expiry. */
const localClaims = onePer((_rt: Runtime) => new Map<string, Map<string, number>>())

export async function setFocus(rt: Runtime, userId: string, planetId: string | null) {
  const expiresAt = Date.now() + FOCUS_TTL_MS
  if (rt.redis) {
    if (!planetId) {
      await rt.redis.del(focusKey(userId))
      return
    }
    await rt.redis
      .multi()
      .hset(focusKey(userId), planetId, expiresAt)
      .pexpire(focusKey(userId), FOCUS_TTL_MS)
      .exec()
    return
  }
  const claims = localClaims(rt)
  if (!planetId) {
    claims.delete(userId)
    return
  }
  const mine = claims.get(userId) ?? new Map<string, number>()
  mine.set(planetId, expiresAt)
  claims.set(userId, mine)
}

/** The users among `userIds` with a focused client showing `planetId` in the last 30 seconds. */
export async function usersLookingAt(rt: Runtime, planetId: string, userIds: string[]) {
  const pairs = await pairsLookingAt(
    rt,
    userIds.map((userId) => ({ planetId, userId })),
  )
  return new Set(userIds.filter((userId) => pairs.has(focusPair(planetId, userId))))
}

export const focusPair = (planetId: string, userId: string) => `${planetId}|${userId}`

/** Of these (planet, user) pairs, those where the user looks at the planet now, as `focusPair` keys. */
export async function pairsLookingAt(rt: Runtime, pairs: { planetId: string; userId: string }[]) {
  const now = Date.now()
  if (!pairs.length) return new Set<string>()
  if (rt.redis) {
    const replies = await pipelineInChunks(rt.redis, pairs, (pipeline, p) =>
      pipeline.hget(focusKey(p.userId), p.planetId),
    )
    return new Set(
      pairs.filter((_, i) => Number(replies[i]?.[1] ?? 0) > now).map((p) => focusPair(p.planetId, p.userId)),
    )
  }
  const claims = localClaims(rt)
  return new Set(
    pairs
      .filter((p) => (claims.get(p.userId)?.get(p.planetId) ?? 0) > now)
      .map((p) => focusPair(p.planetId, p.userId)),
  )
}
