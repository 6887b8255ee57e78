// Sending and reading messages. Sends are idempotent on (sender, clientMessageId): a retry gets the original.
import type { TListMessagesInput, TSendMessageInput } from '@connecto/shared'
import { appendPlanetEvent, publishPlanetEvents } from '../events/planet-events.ts'
import { requirePlanetModerationReader, requirePlanetWriter } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { messageInclude, toMessageView } from './message-view.ts'

async function findByClientId(rt: Runtime, senderId: string, clientMessageId: string) {
  const existing = await rt.db.message.findUnique({
    where: { senderId_clientMessageId: { senderId, clientMessageId } },
    include: messageInclude,
  })
  return existing ? toMessageView(existing) : null
}

export async function sendMessage(rt: Runtime, senderId: string, input: TSendMessageInput) {
  const retried = await findByClientId(rt, senderId, input.clientMessageId)
  if (retried) return retried
  await requirePlanetWriter(rt, senderId, input.planetId)
  try {
    const { view, event } = await rt.db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          planetId: input.planetId,
          senderId,
          type: 'TEXT',
          content: input.content,
          searchableText: input.content.toLowerCase(),
          clientMessageId: input.clientMessageId,
          replyToId: input.replyToId,
        },
        include: messageInclude,
      })
      const view = toMessageView(message)
      const event = await appendPlanetEvent(tx, {
        type: 'message.new',
        planetId: input.planetId,
        message: view,
      })
      await tx.planet.update({ where: { id: input.planetId }, data: { lastMessageAt: message.createdAt } })
      return { view, event }
    })
    rt.metrics.messagesSent.inc()
    await publishPlanetEvents(rt, [event])
    return view
  } catch (err) {
    // Two concurrent retries of the same send: the loser returns the winner's message.
    if ((err as { code?: string }).code === 'P2002') {
      const winner = await findByClientId(rt, senderId, input.clientMessageId)
      if (winner) return winner
    }
    throw err
  }
}

/** History, newest first, `limit` at a time before a cursor message. */
export async function listMessages(rt: Runtime, actor: Actor, input: TListMessagesInput) {
  await requirePlanetModerationReader(rt, actor, input.planetId)
  const cursor = input.before
    ? await rt.db.message.findFirst({
        where: { id: input.before, planetId: input.planetId },
        select: { id: true, createdAt: true },
      })
    : null
  const rows = await rt.db.message.findMany({
    where: {
      planetId: input.planetId,
      ...(cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    include: messageInclude,
  })
  const hasMore = rows.length > input.limit
  const items = rows.slice(0, input.limit).map(toMessageView)
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null }
}
