// Pinning: planet moderators, travel staff and platform admins pin and unpin; everyone who may read the
// planet lists its pinned messages. A pin is announced by a SYSTEM message in the same transaction.
import type { TListPinnedInput, TMessageRefInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { requirePlanetModerationReader } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { changeMessage } from './message-actions.service.ts'
import { loadMessageForActor } from './message-lookup.ts'
import { messageInclude, toMessageView } from './message-view.ts'
import { postSystemMessages } from './system-messages.ts'

async function requirePinner(rt: Runtime, actor: Actor, messageId: string) {
  const { message, moderates } = await loadMessageForActor(rt, actor, messageId, {
    access: 'reader',
    adminOverride: true,
  })
  if (!moderates) throw new AppError('MSG010')
  return message
}

/** Pinning a pinned message is a no-op. */
export async function pinMessage(rt: Runtime, actor: Actor, input: TMessageRefInput) {
  const message = await requirePinner(rt, actor, input.messageId)
  return changeMessage(rt, message.id, async (_tx, current) => {
    if (current.deletedAt) throw new AppError('MSG007')
    if (current.pinnedAt) return null
    const now = rt.clock.now()
    return {
      type: 'message.pinned',
      data: { pinnedAt: now, pinnedById: actor.id },
      also: (tx) =>
        postSystemMessages(
          tx,
          { kind: 'message.pinned', planetIds: [current.planetId], userId: actor.id, messageId: current.id },
          now,
        ),
    }
  })
}

export async function unpinMessage(rt: Runtime, actor: Actor, input: TMessageRefInput) {
  const message = await requirePinner(rt, actor, input.messageId)
  return changeMessage(rt, message.id, async (_tx, current) => {
    if (!current.pinnedAt) return null
    return { type: 'message.unpinned', data: { pinnedAt: null, pinnedById: null } }
  })
}

/** Pinned messages, most recently pinned first; deleted ones drop out of the list. */
export async function listPinnedMessages(rt: Runtime, actor: Actor, input: TListPinnedInput) {
  await requirePlanetModerationReader(rt, actor, input.planetId)
  const rows = await rt.db.message.findMany({
    where: { planetId: input.planetId, pinnedAt: { not: null }, deletedAt: null },
    orderBy: [{ pinnedAt: 'desc' }, { id: 'desc' }],
    include: messageInclude,
  })
  return rows.map(toMessageView)
}
