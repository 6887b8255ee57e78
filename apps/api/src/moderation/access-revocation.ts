// Watches a user's bus channel while they stream a travel's planet, so a ban ends the stream at once,
// on whichever node holds the socket.
import { busChannel, type UserEvent } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'

export async function watchTravelAccess(
  rt: Runtime,
  userId: string,
  getTravelId: () => string | null,
  signal: AbortSignal | undefined,
) {
  const revoke = new AbortController()
  const unsubscribe = await rt.bus.subscribe(busChannel.user(userId), (message) => {
    const event = message as UserEvent
    if (event.type === 'access.revoked' && event.travelId === getTravelId()) revoke.abort()
  })
  return {
    /** Aborts when the caller's signal does or when access to the travel is revoked. */
    signal: signal ? AbortSignal.any([signal, revoke.signal]) : revoke.signal,
    get revoked() {
      return revoke.signal.aborted
    },
    stop: unsubscribe,
  }
}
