// Completed image uploads used as a profile avatar or a travel cover.
import type { TSetAvatarInput, TSetTravelCoverInput } from '@connecto/shared'
import { fileCategoryOf } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, requireTravelManager } from '../travels/travel-access.ts'
import { fileViewSelect, isCompleted, toAttachmentView } from './file-view.ts'

/** The caller's own finished image upload. */
async function requireOwnImage(rt: Runtime, ownerId: string, fileId: string) {
  const file = await rt.db.fileUpload.findUnique({
    where: { id: fileId },
    select: { ...fileViewSelect, ownerId: true },
  })
  if (!file || file.ownerId !== ownerId) throw new AppError('FILE006', undefined, 'fileId')
  if (!isCompleted(file.status))
    throw new AppError('FILE007', 'This file has not finished uploading.', 'fileId')
  if (fileCategoryOf(file.mimeType) !== 'image')
    throw new AppError('FILE002', 'Only an image can be used here.', 'fileId')
  return file
}

export async function setAvatar(rt: Runtime, userId: string, input: TSetAvatarInput) {
  const file = input.fileId ? await requireOwnImage(rt, userId, input.fileId) : null
  const updated = await rt.db.profile.updateMany({
    where: { userId },
    data: { avatarFileId: file?.id ?? null },
  })
  if (updated.count === 0) throw new AppError('USR001')
  return { avatar: file ? toAttachmentView(file) : null }
}

export async function setTravelCover(rt: Runtime, actor: Actor, input: TSetTravelCoverInput) {
  await requireTravelManager(rt.db, actor, input.travelId, rt.clock.now())
  const file = input.fileId ? await requireOwnImage(rt, actor.id, input.fileId) : null
  await rt.db.travel.update({ where: { id: input.travelId }, data: { coverFileId: file?.id ?? null } })
  return { cover: file ? toAttachmentView(file) : null }
}
