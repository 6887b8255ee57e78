// "May this user fetch this file?" — derived from where the file is used: a message attachment follows
// its planet's read rule (so a banned or removed member loses access), a travel cover its travel, an
// avatar is visible to every signed-in user, and an unused upload to its owner only.
import { FILE_LIMITS, type TDownloadUrlInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { requirePlanetModerationReader } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, requireTravelReader } from '../travels/travel-access.ts'
import { isCompleted, toAttachmentView, variantsOf } from './file-view.ts'

export async function requireFileReader(rt: Runtime, actor: Actor, fileId: string) {
  const file = await rt.db.fileUpload.findUnique({
    where: { id: fileId },
    include: {
      attachments: {
        where: { message: { deletedAt: null } },
        select: { message: { select: { planetId: true } } },
      },
      profileAvatar: { select: { id: true } },
      travelCover: { select: { id: true, visibility: true, deletedAt: true } },
    },
  })
  if (!file || !isCompleted(file.status)) throw new AppError('FILE006')
  if (file.profileAvatar) return file
  let refusal: unknown = null
  const cover = file.travelCover
  if (cover && !cover.deletedAt) {
    if (cover.visibility === 'PUBLIC') return file
    try {
      await requireTravelReader(rt.db, actor, cover.id, rt.clock.now())
      return file
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      refusal = err
    }
  }
  const planetIds = [...new Set(file.attachments.map((a) => a.message.planetId))]
  for (const planetId of planetIds) {
    try {
      await requirePlanetModerationReader(rt, actor, planetId)
      return file
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      refusal ??= err
    }
  }
  const unused = !cover && planetIds.length === 0
  if (unused && file.ownerId === actor.id) return file
  throw refusal ?? new AppError('FILE006')
}

export async function getFile(rt: Runtime, actor: Actor, fileId: string) {
  return toAttachmentView(await requireFileReader(rt, actor, fileId))
}

/** A short-lived signed URL for the original or one of its previews. */
export async function downloadUrl(rt: Runtime, actor: Actor, input: TDownloadUrlInput) {
  const file = await requireFileReader(rt, actor, input.fileId)
  const variants = variantsOf(file)
  const key = {
    original: file.storageKey,
    display: variants.displayKey,
    thumbnail: variants.thumbnailKey,
    poster: variants.posterKey,
  }[input.variant]
  if (!key) throw new AppError('FILE006', 'This file has no such preview.', 'variant')
  const original = input.variant === 'original'
  const now = rt.clock.now()
  const url = await rt.storage.presignGet(
    {
      key,
      fileName: original ? file.fileName : `${file.fileName.replace(/\.[^.]*$/, '')}.${input.variant}.webp`,
      contentType: original ? file.mimeType : 'image/webp',
    },
    { expiresInSeconds: FILE_LIMITS.downloadUrlTtlSeconds, now },
  )
  const expiresAt = new Date(now.getTime() + FILE_LIMITS.downloadUrlTtlSeconds * 1000).toISOString()
  return { url, expiresAt }
}
