// Forwarding: a copy of a message the user can read, posted by them into a planet they can write in,
// showing where it came from. Idempotent on clientMessageId like any send.
import type { TForwardMessageInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { fileViewSelect } from '../files/file-view.ts'
import { requirePlanetReader } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { postUserMessage, type UserMessage } from './messages.service.ts'

export async function forwardMessage(rt: Runtime, actor: Actor, input: TForwardMessageInput) {
  const source = await rt.db.message.findUnique({
    where: { id: input.messageId },
    include: {
      sender: { select: { profile: { select: { nickname: true } } } },
      attachments: {
        orderBy: { position: 'asc' },
        select: { fileId: true, position: true, file: { select: fileViewSelect } },
      },
    },
  })
  if (!source) throw new AppError('MSG001', undefined, 'messageId')
  await requirePlanetReader(rt, actor.id, source.planetId)
  if (source.deletedAt || source.type === 'SYSTEM') throw new AppError('MSG013')
  return postUserMessage(rt, {
    planetId: input.toPlanetId,
    senderId: actor.id,
    clientMessageId: input.clientMessageId,
    type: source.type as UserMessage['type'],
    content: source.content,
    metadata: source.metadata as UserMessage['metadata'],
    forwardedFrom: {
      messageId: source.id,
      planetId: source.planetId,
      senderId: source.senderId,
      senderNickname: source.sender?.profile?.nickname ?? null,
    },
    // The copy shows the same files: it links them, it does not duplicate them.
    attachments: source.attachments.map(({ file }) => ({ file })),
    link:
      source.attachments.length === 0
        ? undefined
        : async (tx, messageId) => {
            await tx.messageAttachment.createMany({
              data: source.attachments.map(({ fileId, position }) => ({ messageId, fileId, position })),
            })
          },
  })
}
