import type { MessageView } from '@connecto/shared'

type MessageRow = {
  id: string
  planetId: string
  senderId: string | null
  type: string
  content: string | null
  replyToId: string | null
  clientMessageId: string | null
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
  sender?: { profile: { nickname: string } | null } | null
}

export const messageInclude = { sender: { select: { profile: { select: { nickname: true } } } } } as const

/** What clients see of a message; a deleted message keeps its place but not its content. */
export function toMessageView(m: MessageRow): MessageView {
  return {
    id: m.id,
    planetId: m.planetId,
    senderId: m.senderId,
    senderNickname: m.sender?.profile?.nickname ?? null,
    type: m.type,
    content: m.deletedAt ? null : m.content,
    replyToId: m.replyToId,
    clientMessageId: m.clientMessageId,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
  }
}
