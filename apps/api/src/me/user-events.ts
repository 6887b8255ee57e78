// Publishing events on a user's own bus channel, which `me.onEvent` streams on every node.
import { busChannel, type MembershipChange, type UserEvent } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'

export async function publishUserEvent(rt: Runtime, userId: string, event: UserEvent) {
  await rt.bus.publish(busChannel.user(userId), event)
}

/** After commit: tells the user's live streams that a membership of theirs changed. */
export async function publishMembershipChange(
  rt: Runtime,
  userId: string,
  change: { travelId: string; planetId?: string | null; change: MembershipChange },
) {
  await publishUserEvent(rt, userId, {
    type: 'membership.changed',
    travelId: change.travelId,
    planetId: change.planetId ?? null,
    change: change.change,
  })
}
