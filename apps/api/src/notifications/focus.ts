// "Looking at a planet": a focused client calls notifications.focus every ~20 s; the claim lasts 30 s,
// so a closed laptop or a background tab stops counting on its own. An open socket alone is not focus.
import type { Runtime } from '../runtime.ts'
import { deleteKey, getKeys, setKey } from './ttl-keys.ts'

export const FOCUS_TTL_SECONDS = 30
const focusKey = (userId: string) => `notify:focus:${userId}`

export async function setFocus(rt: Runtime, userId: string, planetId: string | null) {
  if (planetId) await setKey(rt, focusKey(userId), planetId, FOCUS_TTL_SECONDS)
  else await deleteKey(rt, focusKey(userId))
}

/** The users among `userIds` whose focused client is showing `planetId` right now. */
export async function usersLookingAt(rt: Runtime, planetId: string, userIds: string[]) {
  const values = await getKeys(rt, userIds.map(focusKey))
  return new Set(userIds.filter((_, i) => values[i] === planetId))
}
