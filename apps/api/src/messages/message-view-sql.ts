// Message views in one SQL statement, for lists (history pages, search hits): sender, reply preview and
// forward origin come from joins, reactions and attachments from per-row subqueries — so a page of any
// size costs one statement, where Prisma's `include` costs one per relation. Rows map onto the same
// toMessageView the rest of messaging uses.
import { Prisma } from '@connecto/db'
import type { MessageView } from '@connecto/shared'
import type { FileRow } from '../files/file-view.ts'
import { toMessageView } from './message-view.ts'

/** Columns for a `messages m` row; join with `messageViewJoins`. */
export const messageViewColumns = Prisma.sql`
  m.id, m.planet_id AS "planetId", m.sender_id AS "senderId", m.type::text AS type, m.content, m.metadata,
  m.reply_to_id AS "replyToId", m.forwarded_from_id AS "forwardedFromId",
  m.client_message_id AS "clientMessageId", m.created_at AS "createdAt", m.edited_at AS "editedAt",
  m.deleted_at AS "deletedAt", m.deleted_by_id AS "deletedById", m.pinned_at AS "pinnedAt",
  m.pinned_by_id AS "pinnedById", m.mentions,
  sp.nickname AS "senderNickname",
  r.id AS "replyId", r.sender_id AS "replySenderId", r.type::text AS "replyType", r.content AS "replyContent",
  r.deleted_at AS "replyDeletedAt", rp.nickname AS "replyNickname",
  f.id AS "forwardId", f.planet_id AS "forwardPlanetId", f.sender_id AS "forwardSenderId",
  fp.nickname AS "forwardNickname",
  (SELECT coalesce(json_agg(json_build_object('emoji', x.emoji, 'userId', x.user_id)
                            ORDER BY x.created_at, x.id), '[]')
     FROM message_reactions x WHERE x.message_id = m.id) AS reactions,
  (SELECT coalesce(json_agg(json_build_object('file', json_build_object(
            'id', u.id, 'fileName', u.file_name, 'mimeType', u.mime_type, 'size', u.size, 'status', u.status,
            'width', u.width, 'height', u.height, 'variants', u.variants)) ORDER BY a.position), '[]')
     FROM message_attachments a JOIN file_uploads u ON u.id = a.file_id WHERE a.message_id = m.id)
    AS attachments`

export const messageViewJoins = Prisma.sql`
  LEFT JOIN profiles sp ON sp.user_id = m.sender_id
  LEFT JOIN messages r ON r.id = m.reply_to_id
  LEFT JOIN profiles rp ON rp.user_id = r.sender_id
  LEFT JOIN messages f ON f.id = m.forwarded_from_id
  LEFT JOIN profiles fp ON fp.user_id = f.sender_id`

export type MessageViewRow = {
  id: string
  planetId: string
  senderId: string | null
  type: string
  content: string | null
  metadata: Prisma.JsonValue | null
  replyToId: string | null
  forwardedFromId: string | null
  clientMessageId: string | null
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
  deletedById: string | null
  pinnedAt: Date | null
  pinnedById: string | null
  mentions: string[]
  senderNickname: string | null
  replyId: string | null
  replySenderId: string | null
  replyType: string | null
  replyContent: string | null
  replyDeletedAt: Date | null
  replyNickname: string | null
  forwardId: string | null
  forwardPlanetId: string | null
  forwardSenderId: string | null
  forwardNickname: string | null
  reactions: { emoji: string; userId: string }[]
  attachments: { file: FileRow }[]
}

const sender = (nickname: string | null) => ({ profile: nickname === null ? null : { nickname } })

export function rowToMessageView(row: MessageViewRow): MessageView {
  return toMessageView({
    ...row,
    sender: sender(row.senderNickname),
    replyTo: row.replyId
      ? {
          id: row.replyId,
          senderId: row.replySenderId,
          type: row.replyType ?? 'TEXT',
          content: row.replyContent,
          deletedAt: row.replyDeletedAt,
          sender: sender(row.replyNickname),
        }
      : null,
    forwardedFrom: row.forwardId
      ? {
          id: row.forwardId,
          planetId: row.forwardPlanetId ?? '',
          senderId: row.forwardSenderId,
          sender: sender(row.forwardNickname),
        }
      : null,
  } as Parameters<typeof toMessageView>[0])
}
