// Emoji reactions: several per user per message, add and remove are idempotent, and posting rules apply
// (a muted member cannot react). Each change carries the message's reaction groups after it.
import type { Tx } from '@connecto/db'
import type { TReactionInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { appendPlanetEvent, publishPlanetEvents } from '../events/planet-events.ts'
import { notifyReaction } from '../notifications/notify.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { loadMessageForActor } from './message-lookup.ts'
import { groupReactions } from './message-view.ts'

export const addReaction = (rt: Runtime, actor: Actor, input: TReactionInput) =>
  changeReaction(rt, actor, input, 'reaction.added')

export const removeReaction = (rt: Runtime, actor: Actor, input: TReactionInput) =>
  changeReaction(rt, actor, input, 'reaction.removed')

async function changeReaction(
  rt: Runtime,
  actor: Actor,
  input: TReactionInput,
  type: 'reaction.added' | 'reaction.removed',
) {
  const { message } = await loadMessageForActor(rt, actor, input.messageId, { access: 'writer' })
  const key = { messageId: message.id, userId: actor.id, emoji: input.emoji }
  const { reactions, event } = await rt.db.$transaction(async (tx) => {
    const current = await tx.message.findUniqueOrThrow({
      where: { id: message.id },
      select: { deletedAt: true },
    })
    if (current.deletedAt) throw new AppError('MSG007')
    const changed =
      type === 'reaction.added'
        ? await tx.messageReaction.createMany({
            data: [{ ...key, createdAt: rt.clock.now() }],
            skipDuplicates: true,
          })
        : await tx.messageReaction.deleteMany({ where: key })
    if (changed.count === 0) return { reactions: await reactionsOf(tx, message.id), event: null }
    // Take the planet's sequence lock before reading the groups: an event with a later sequence then
    // always carries every reaction committed before it, so the last event a client applies is current.
    await tx.$queryRaw`SELECT id FROM planets WHERE id = ${message.planetId} FOR NO KEY UPDATE`
    const reactions = await reactionsOf(tx, message.id)
    const event = await appendPlanetEvent(tx, {
      type,
      planetId: message.planetId,
      messageId: message.id,
      userId: actor.id,
      emoji: input.emoji,
      reactions,
    })
    return { reactions, event }
  })
  if (event) await publishPlanetEvents(rt, [event])
  if (event && type === 'reaction.added') {
    await notifyReaction(rt, { messageId: message.id, reactorId: actor.id, emoji: input.emoji })
  }
  return { messageId: message.id, reactions }
}

async function reactionsOf(tx: Tx, messageId: string) {
  const rows = await tx.messageReaction.findMany({
    where: { messageId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { emoji: true, userId: true },
  })
  return groupReactions(rows)
}
