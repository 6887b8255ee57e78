// Typing indicators: start/stop from members who may write in the planet, rate-limited, kept for five
// seconds unless refreshed, and sent to the planet's subscribers as ephemeral signals. The node that
// took a start announces the stop when the entry lapses unrefreshed (a refresh through another node
// is seen in the shared store, so no false stop); clients also drop it at `expiresAt` on their own.
import { busChannel, LIMITS, type PlanetSignal, type TTypingInput } from '@connecto/shared'
import { requirePlanetReader, requirePlanetWriter } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import type { ActiveUser } from '../users/active-user.ts'

const TTL_MS = LIMITS.typingTtlSeconds * 1000
const EXPIRY_CHECK_MARGIN_MS = 50

async function announce(rt: Runtime, signal: PlanetSignal) {
  await rt.bus.publish(busChannel.planetSignals(signal.planetId), signal)
}

const stopSignal = (planetId: string, user: Pick<ActiveUser, 'id' | 'nickname'>): PlanetSignal => ({
  type: 'typing',
  planetId,
  userId: user.id,
  nickname: user.nickname,
  typing: false,
  expiresAt: null,
})

export async function setTyping(rt: Runtime, user: ActiveUser, input: TTypingInput) {
  await rt.realtime.limits.consumeTyping(user.id)
  await requirePlanetWriter(rt, user.id, input.planetId)
  const { typing, typingExpiry } = rt.realtime
  const key = `${input.planetId}:${user.id}`
  if (!input.typing) {
    await clearTyping(rt, user, input.planetId)
    return { typing: false, expiresAt: null }
  }
  const now = rt.clock.now().getTime()
  const expiresAt = now + TTL_MS
  await typing.start(input.planetId, user.id, now, expiresAt)
  await announce(rt, {
    type: 'typing',
    planetId: input.planetId,
    userId: user.id,
    nickname: user.nickname,
    typing: true,
    expiresAt: new Date(expiresAt).toISOString(),
  })
  typingExpiry.schedule(
    key,
    // A little after the expiry, so a timer that fires a few ms early on the wall clock still sees it lapsed.
    TTL_MS + EXPIRY_CHECK_MARGIN_MS,
    async () => {
      // Refreshed meanwhile (possibly through another node): that start scheduled its own check.
      if ((await typing.expiresAt(input.planetId, user.id, rt.clock.now().getTime())) !== null) return
      await typing.stop(input.planetId, user.id)
      await announce(rt, stopSignal(input.planetId, user))
    },
    (err) => rt.logger.error({ err }, 'typing: expiry announcement failed'),
  )
  return { typing: true, expiresAt: new Date(expiresAt) }
}

/**
 * Ends the user's typing in a planet and tells the others, if they were typing. Also meant for the
 * send path: a sent message ends its author's typing without a separate stop from the client.
 */
export async function clearTyping(rt: Runtime, user: Pick<ActiveUser, 'id' | 'nickname'>, planetId: string) {
  rt.realtime.typingExpiry.cancel(`${planetId}:${user.id}`)
  if (await rt.realtime.typing.stop(planetId, user.id)) await announce(rt, stopSignal(planetId, user))
}

/** Who is typing in a planet now, for a client that just opened it. */
export async function listTyping(rt: Runtime, userId: string, planetId: string) {
  await requirePlanetReader(rt, userId, planetId)
  const ids = await rt.realtime.typing.list(planetId, rt.clock.now().getTime())
  return ids.filter((id) => id !== userId)
}
