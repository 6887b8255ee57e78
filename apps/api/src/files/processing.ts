// Turns a completed upload into what clients display: images get their dimensions, a WebP display
// version and a thumbnail; videos a poster frame when ffmpeg is available and "no preview" otherwise.
import type { Prisma } from '@connecto/db'
import { fileCategoryOf } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import type { FileVariants } from './file-view.ts'
import { makeImagePreviews } from './image-previews.ts'
import { extractPosterFrame, findFfmpeg } from './video-poster.ts'

type Processed = { width?: number; height?: number; variants: FileVariants }

/**
 * Idempotent: only an UPLOADED file is claimed, so a second run (a retried job, a duplicate trigger)
 * does nothing. A failure that may pass (storage unreachable) puts the file back for a retry and throws.
 */
export async function processUpload(rt: Runtime, fileId: string) {
  const claimed = await rt.db.fileUpload.updateMany({
    where: { id: fileId, status: 'UPLOADED' },
    data: { status: 'PROCESSING' },
  })
  if (claimed.count === 0) return
  const file = await rt.db.fileUpload.findUniqueOrThrow({ where: { id: fileId } })
  try {
    const result = await processByCategory(rt, file)
    await rt.db.fileUpload.update({
      where: { id: fileId },
      data: {
        status: 'READY',
        width: result.width ?? null,
        height: result.height ?? null,
        variants: result.variants as Prisma.InputJsonValue,
      },
    })
  } catch (err) {
    await rt.db.fileUpload.update({ where: { id: fileId }, data: { status: 'UPLOADED' } })
    throw err
  }
}

async function processByCategory(
  rt: Runtime,
  file: { storageKey: string; mimeType: string },
): Promise<Processed> {
  const category = fileCategoryOf(file.mimeType)
  if (category === 'image') {
    const original = await rt.storage.readObject(file.storageKey)
    const previews = await makeImagePreviews(original)
    if (!previews)
      return { variants: { noPreview: true, noPreviewReason: 'image format not supported for previews' } }
    const displayKey = `${file.storageKey}.display.webp`
    const thumbnailKey = `${file.storageKey}.thumb.webp`
    await rt.storage.putObject(displayKey, previews.display, 'image/webp')
    await rt.storage.putObject(thumbnailKey, previews.thumbnail, 'image/webp')
    return { width: previews.width, height: previews.height, variants: { displayKey, thumbnailKey } }
  }
  if (category === 'video') {
    const ffmpeg = await findFfmpeg(rt.config.storage.ffmpegPath)
    if (!ffmpeg)
      return {
        variants: { noPreview: true, noPreviewReason: 'video previews are not available on this server' },
      }
    const frame = await extractPosterFrame(rt, ffmpeg, file.storageKey)
    const previews = frame ? await makeImagePreviews(frame) : null
    if (!previews)
      return { variants: { noPreview: true, noPreviewReason: 'no frame could be read from this video' } }
    const posterKey = `${file.storageKey}.poster.webp`
    const thumbnailKey = `${file.storageKey}.thumb.webp`
    await rt.storage.putObject(posterKey, previews.display, 'image/webp')
    await rt.storage.putObject(thumbnailKey, previews.thumbnail, 'image/webp')
    return { width: previews.width, height: previews.height, variants: { posterKey, thumbnailKey } }
  }
  return { variants: { noPreview: true } }
}

/** Gives up on previews for a file still waiting for them; it stays downloadable and attachable. */
export async function markNoPreview(rt: Runtime, fileId: string, reason: string) {
  await rt.db.fileUpload.updateMany({
    where: { id: fileId, status: 'UPLOADED' },
    data: { status: 'READY', variants: { noPreview: true, noPreviewReason: reason } },
  })
}
