// Edit (own TEXT, 15 minutes, earlier versions kept), soft delete (own, or staff on others') and restore
// (24 hours, by the sender who deleted it or a platform admin). Each change is one transaction with its
// planet event, published after commit.
import type { Prisma, Tx } from '@connecto/db'
import { LIMITS, type PlanetEvent, type TEditMessageInput, type TMessageRefInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { appendPlanetEvent, publishPlanetEvents } from '../events/planet-events.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { mentionedNicknames } from './mentions.ts'
import { loadMessageForActor, loadMessageView, lockMessage } from './message-lookup.ts'
import { messageInclude, toMessageView } from './message-view.ts'
import { searchFieldsOf } from './messages.service.ts'
import { resolveMentions } from './send-statements.ts'

const minute = 60_000

/** One earlier version: its text and when it was written (sent, or the edit that produced it). */
type EditHistoryEntry = { content: string | null; editedAt: string }

export async function editMessage(rt: Runtime, actor: Actor, input: TEditMessageInput) {
  const { message } = await loadMessageForActor(rt, actor, input.messageId, { access: 'writer' })
  if (message.senderId !== actor.id) throw new AppError('MSG006')
  const now = rt.clock.now()
  const { view, event } = await rt.db.$transaction(async (tx) => {
    const current = await lockMessage(tx, message.id)
    if (current.deletedAt) throw new AppError('MSG007')
    if (current.type !== 'TEXT') throw new AppError('MSG008')
    if (now.getTime() - current.createdAt.getTime() > LIMITS.messageEditWindowMinutes * minute) {
      throw new AppError('MSG002')
    }
    if (current.content === input.content) return { view: await loadMessageView(tx, message.id), event: null }
    const history = (current.editHistory as EditHistoryEntry[] | null) ?? []
    const earlier = {
      content: current.content,
      editedAt: (current.editedAt ?? current.createdAt).toISOString(),
    }
    const updated = await tx.message.update({
      where: { id: message.id },
      data: {
        content: input.content,
        ...searchFieldsOf({ content: input.content, metadata: null }),
        mentions: await resolveMentions(tx, current.planetId, mentionedNicknames(input.content)),
        editHistory: [...history, earlier] as Prisma.InputJsonValue,
        editedAt: now,
      },
      include: messageInclude,
    })
    const view = toMessageView(updated)
    return {
      view,
      event: await appendPlanetEvent(tx, { type: 'message.edited', planetId: view.planetId, message: view }),
    }
  })
  if (event) await publishPlanetEvents(rt, [event])
  return view
}

/** Deleting twice is a no-op that returns the deleted message. */
export async function deleteMessage(rt: Runtime, actor: Actor, input: TMessageRefInput) {
  const { message, moderates } = await loadMessageForActor(rt, actor, input.messageId, {
    access: 'reader',
    adminOverride: true,
  })
  if (message.senderId !== actor.id && !moderates) throw new AppError('MSG003')
  return changeMessage(rt, message.id, async (_tx, current) => {
    if (current.deletedAt) return null
    return {
      type: 'message.deleted',
      data: { deletedAt: rt.clock.now(), deletedById: actor.id },
    }
  })
}

/** The sender may undo their own deletion (not a moderator's); a platform admin may undo any. */
export async function restoreMessage(rt: Runtime, actor: Actor, input: TMessageRefInput) {
  const { message, isAdmin } = await loadMessageForActor(rt, actor, input.messageId, {
    access: 'reader',
    adminOverride: true,
  })
  return changeMessage(rt, message.id, async (_tx, current) => {
    if (!current.deletedAt) throw new AppError('MSG011')
    const ownDeletion = current.senderId === actor.id && current.deletedById === actor.id
    if (!ownDeletion && !isAdmin) throw new AppError('MSG012')
    const windowMs = LIMITS.messageRestoreWindowHours * 60 * minute
    if (rt.clock.now().getTime() - current.deletedAt.getTime() > windowMs) throw new AppError('MSG005')
    return { type: 'message.restored', data: { deletedAt: null, deletedById: null } }
  })
}

type MessageChange = {
  type: Extract<
    PlanetEvent['type'],
    'message.deleted' | 'message.restored' | 'message.pinned' | 'message.unpinned'
  >
  data: Prisma.MessageUpdateInput
  /** More events in the same transaction (a SYSTEM message announcing a pin). */
  also?: (tx: Tx) => Promise<PlanetEvent[]>
}

type Current = Awaited<ReturnType<typeof lockMessage>>

/**
 * Locks the message, lets `decide` refuse or pick the change (null: nothing to do), applies it with its
 * event in one transaction, publishes after commit and returns the message as clients now see it.
 */
export async function changeMessage(
  rt: Runtime,
  messageId: string,
  decide: (tx: Tx, current: Current) => Promise<MessageChange | null>,
) {
  const { view, events } = await rt.db.$transaction(async (tx) => {
    const current = await lockMessage(tx, messageId)
    const change = await decide(tx, current)
    if (!change) return { view: await loadMessageView(tx, messageId), events: [] }
    const updated = await tx.message.update({
      where: { id: messageId },
      data: change.data,
      include: messageInclude,
    })
    const view = toMessageView(updated)
    const event = await appendPlanetEvent(tx, { type: change.type, planetId: view.planetId, message: view })
    return { view, events: [event, ...((await change.also?.(tx)) ?? [])] }
  })
  await publishPlanetEvents(rt, events)
  return view
}
