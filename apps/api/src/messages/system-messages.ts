// SYSTEM messages: written by services inside their own transaction (member joined or left, message
// pinned, planet renamed), never sent by clients. The caller publishes the returned events after commit.
import type { Tx } from '@connecto/db'
import type { PlanetEvent, SystemMessageKind } from '@connecto/shared'
import { newMessageId } from './message-id.ts'
import { toMessageView } from './message-view.ts'
import { insertMessageWithEvent } from './send-statements.ts'

type SystemMessage =
  | { kind: 'member.joined' | 'member.left'; planetIds: string[]; userId: string }
  | { kind: 'message.pinned'; planetIds: string[]; userId: string; messageId: string }
  | { kind: 'planet.renamed'; planetIds: string[]; userId: string; from: string; to: string }

function textOf(msg: SystemMessage, nickname: string) {
  switch (msg.kind) {
    case 'member.joined':
      return `${nickname} joined the travel.`
    case 'member.left':
      return `${nickname} left the travel.`
    case 'message.pinned':
      return `${nickname} pinned a message.`
    case 'planet.renamed':
      return `${nickname} renamed the planet to "${msg.to}".`
  }
}

export async function postSystemMessages(tx: Tx, msg: SystemMessage, now: Date): Promise<PlanetEvent[]> {
  if (msg.planetIds.length === 0) return []
  const profile = await tx.profile.findUnique({ where: { userId: msg.userId }, select: { nickname: true } })
  const { planetIds, ...details } = msg
  const metadata: Record<string, unknown> & { kind: SystemMessageKind } = details
  const events: PlanetEvent[] = []
  // Planet rows are locked in id order, so two transactions posting to the same planets cannot deadlock.
  for (const planetId of [...planetIds].sort()) {
    const view = toMessageView({
      id: newMessageId(now),
      planetId,
      senderId: null,
      type: 'SYSTEM',
      content: textOf(msg, profile?.nickname ?? 'Someone'),
      metadata,
      replyToId: null,
      clientMessageId: null,
      createdAt: now,
      editedAt: null,
      deletedAt: null,
    })
    // No clientMessageId, so the insert cannot conflict.
    const event = await insertMessageWithEvent(tx, { view, searchableText: null })
    if (event) events.push(event)
  }
  return events
}
