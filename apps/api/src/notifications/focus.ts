// "Looking at a planet": a focused client calls notifications.focus every ~20 s; each claim lasts 30 s,
// and while it holds, ordinary messages of that planet make no notification and no push for that user.
// so a closed laptop or a background tab stops counting on its own. An open socket alone is not focus.
// Claims are per planet, so a phone on one chat and a laptop on another both count; `null` (a client
// hid its tab or left the chat) drops the user's claims at once, and a still-focused client renews
// its own within one interval.
import { onePer } from '../one-per.ts'
import type { Runtime } from '../runtime.ts'

export const FOCUS_TTL_MS = 30_000
const FOCUS_LOOKUP_CHUNK = 200
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
    const looking = new Set<string>()
    // A few hundred per round trip, so a fan-out over thousands of members never holds the event loop long.
    for (let at = 0; at < pairs.length; at += FOCUS_LOOKUP_CHUNK) {
      const chunk = pairs.slice(at, at + FOCUS_LOOKUP_CHUNK)
      const pipeline = rt.redis.pipeline()
      for (const p of chunk) pipeline.hget(focusKey(p.userId), p.planetId)
      const replies = (await pipeline.exec()) ?? []
      for (const [i, p] of chunk.entries()) {
        if (Number(replies[i]?.[1] ?? 0) > now) looking.add(focusPair(p.planetId, p.userId))
      }
    }
    return looking
  }
  const claims = localClaims(rt)
  return new Set(
    pairs
      .filter((p) => (claims.get(p.userId)?.get(p.planetId) ?? 0) > now)
      .map((p) => focusPair(p.planetId, p.userId)),
  )
}
