// What clients see of a message: a deleted one keeps its place (and its replies' previews) but not its
// content; reactions come grouped by emoji with who reacted.
import type { Prisma } from '@connecto/db'
import { LIMITS, type MessageView, type ReactionGroup, type ReplyPreview } from '@connecto/shared'
import { messageAttachmentsInclude, toMessageAttachments } from '../files/attachments.ts'
import type { FileRow } from '../files/file-view.ts'
import { markPlainJson } from '../json-text.ts'

const withNickname = { select: { profile: { select: { nickname: true } } } } as const

export const messageInclude = {
  sender: withNickname,
  replyTo: {
    select: { id: true, senderId: true, type: true, content: true, deletedAt: true, sender: withNickname },
  },
  forwardedFrom: { select: { id: true, planetId: true, senderId: true, sender: withNickname } },
  reactions: { select: { emoji: true, userId: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  ...messageAttachmentsInclude,
} as const satisfies Prisma.MessageInclude

type Sender = { profile: { nickname: string } | null } | null | undefined

type MessageRow = {
  id: string
  planetId: string
  senderId: string | null
  type: string
  content: string | null
  metadata?: unknown
  replyToId: string | null
  forwardedFromId?: string | null
  clientMessageId: string | null
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
  deletedById?: string | null
  pinnedAt?: Date | null
  pinnedById?: string | null
  mentions?: string[]
  sender?: Sender
  replyTo?: ReplyTarget | null
  forwardedFrom?: { id: string; planetId: string; senderId: string | null; sender?: Sender } | null
  reactions?: { emoji: string; userId: string }[]
  attachments?: { file: FileRow }[]
}

export type ReplyTarget = {
  id: string
  senderId: string | null
  type: string
  content: string | null
  deletedAt: Date | null
  sender?: Sender
}

/** A message as clients see it: plain JSON data (json-text.ts), so replies and events skip superjson. */
export function toMessageView(m: MessageRow): MessageView {
  const deleted = m.deletedAt !== null
  return markPlainJson({
    id: m.id,
    planetId: m.planetId,
    senderId: m.senderId,
    senderNickname: m.sender?.profile?.nickname ?? null,
    type: m.type,
    content: deleted ? null : m.content,
    metadata: deleted ? null : ((m.metadata as Record<string, unknown> | null | undefined) ?? null),
    replyToId: m.replyToId,
    clientMessageId: m.clientMessageId,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    edited: m.editedAt !== null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
    deleted,
    deletedById: m.deletedById ?? null,
    replyTo: m.replyTo ? toReplyPreview(m.replyTo) : null,
    forwardedFrom: m.forwardedFrom
      ? {
          messageId: m.forwardedFrom.id,
          planetId: m.forwardedFrom.planetId,
          senderId: m.forwardedFrom.senderId,
          senderNickname: m.forwardedFrom.sender?.profile?.nickname ?? null,
        }
      : null,
    mentions: deleted ? [] : (m.mentions ?? []),
    reactions: groupReactions(m.reactions ?? []),
    pinnedAt: m.pinnedAt?.toISOString() ?? null,
    pinnedById: m.pinnedById ?? null,
    attachments: deleted ? [] : toMessageAttachments(m.attachments),
  })
}

export function toReplyPreview(target: ReplyTarget): ReplyPreview {
  const deleted = target.deletedAt !== null
  return {
    id: target.id,
    senderId: target.senderId,
    senderNickname: target.sender?.profile?.nickname ?? null,
    type: target.type,
    excerpt: deleted || target.content === null ? null : excerptOf(target.content),
    deleted,
  }
}

function excerptOf(text: string) {
  const chars = [...text]
  if (chars.length <= LIMITS.replyExcerptMax) return text
  return `${chars.slice(0, LIMITS.replyExcerptMax - 1).join('')}…`
}

/** Reactions in the order they were given, grouped by emoji (first reacted first). */
export function groupReactions(rows: { emoji: string; userId: string }[]): ReactionGroup[] {
  const groups = new Map<string, ReactionGroup>()
  for (const { emoji, userId } of rows) {
    const group = groups.get(emoji) ?? { emoji, count: 0, userIds: [] }
    group.count += 1
    group.userIds.push(userId)
    groups.set(emoji, group)
  }
  return [...groups.values()]
}
