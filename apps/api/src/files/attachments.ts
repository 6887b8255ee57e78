// Files on messages: sendMessage validates the sender's completed uploads before its transaction and
// links them inside it. The message type follows the files: all images → IMAGE, all videos → VIDEO.
import type { Tx } from '@connecto/db'
import { fileCategoryOf } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import { type FileRow, fileViewSelect, isCompleted, toAttachmentView } from './file-view.ts'

export type AttachmentMessageType = 'IMAGE' | 'VIDEO' | 'FILE'

/**
 * Every file exists, belongs to the sender, finished uploading and is not on another message yet.
 * Returns the message type the files make and, in the given order, the rows the message view shows.
 */
export async function validateAttachableUploads(
  rt: Runtime,
  ownerId: string,
  fileIds: string[],
  opts: { clientMessageId?: string } = {},
) {
  // A retried send finds its files on the message it already made: that does not count as "used".
  const elsewhere = opts.clientMessageId
    ? { where: { NOT: { message: { senderId: ownerId, clientMessageId: opts.clientMessageId } } } }
    : true
  const files = await rt.db.fileUpload.findMany({
    where: { id: { in: fileIds } },
    select: { ...fileViewSelect, ownerId: true, _count: { select: { attachments: elsewhere } } },
  })
  const byId = new Map(files.map((f) => [f.id, f]))
  const ordered = fileIds.map((id) => {
    const file = byId.get(id)
    if (!file || file.ownerId !== ownerId) throw new AppError('FILE006', undefined, 'attachments')
    if (!isCompleted(file.status)) {
      throw new AppError('FILE007', 'This file has not finished uploading.', 'attachments')
    }
    if (file._count.attachments > 0) {
      throw new AppError('FILE007', 'This file is already attached to a message.', 'attachments')
    }
    const { ownerId: _owner, _count, ...view } = file
    return { file: view }
  })
  const categories = new Set(files.map((f) => fileCategoryOf(f.mimeType)))
  const only = (category: string) => categories.size === 1 && categories.has(category as never)
  const messageType: AttachmentMessageType = only('image') ? 'IMAGE' : only('video') ? 'VIDEO' : 'FILE'
  return { messageType, attachments: ordered }
}

/** Links the files to a message in the given order; call inside the send transaction. */
export async function attachUploadsToMessage(tx: Tx, messageId: string, fileIds: string[]) {
  if (fileIds.length === 0) return
  await tx.messageAttachment.createMany({
    data: fileIds.map((fileId, position) => ({ messageId, fileId, position })),
  })
}

/** Prisma include for message rows, read by toMessageAttachments. */
export const messageAttachmentsInclude = {
  attachments: { orderBy: { position: 'asc' }, select: { file: { select: fileViewSelect } } },
} as const

export function toMessageAttachments(attachments: { file: FileRow }[] | undefined) {
  return (attachments ?? []).map((a) => toAttachmentView(a.file))
}
