// The upload flow: initiate (type, size and concurrency checks, presigned URLs) → the client uploads
// directly to storage → complete (assemble, then verify the stored size and the real content type) or abort.
import { randomUUID } from 'node:crypto'
import {
  FILE_CATEGORIES,
  FILE_LIMITS,
  fileCategoryOf,
  type InitiatedUpload,
  type TCompleteUploadInput,
  type TFileIdInput,
  type TInitiateUploadInput,
} from '@connecto/shared'
import { fileTypeFromBuffer } from 'file-type'
import { AppError } from '../errors/app-error.ts'
import type { Runtime } from '../runtime.ts'
import { checkContent, SNIFF_BYTES } from './content-check.ts'
import { isCompleted, toAttachmentView } from './file-view.ts'
import { scheduleProcessing } from './process-upload.job.ts'
import { StorageError } from './storage/object-storage.ts'

type UploadRow = NonNullable<Awaited<ReturnType<Runtime['db']['fileUpload']['findUnique']>>>

const MB = 1024 * 1024

export async function initiateUpload(rt: Runtime, ownerId: string, input: TInitiateUploadInput) {
  const category = fileCategoryOf(input.mimeType)
  if (!category) throw new AppError('FILE002', `Files of type ${input.mimeType} are not allowed.`, 'mimeType')
  const { maxBytes } = FILE_CATEGORIES[category]
  if (input.size > maxBytes) {
    throw new AppError('FILE001', `${capitalise(category)} files can be at most ${maxBytes / MB} MB.`, 'size')
  }
  const file = await reserveUploadSlot(rt, ownerId, input)
  const now = rt.clock.now()
  const presign = { expiresInSeconds: FILE_LIMITS.uploadUrlTtlSeconds, now }
  const expiresAt = new Date(now.getTime() + FILE_LIMITS.uploadUrlTtlSeconds * 1000).toISOString()
  try {
    if (input.size <= FILE_LIMITS.singlePutMaxBytes) {
      const put = await rt.storage.presignPut(
        { key: stagingKeyOf(file.storageKey), contentType: file.mimeType, maxBytes: input.size },
        presign,
      )
      return { fileId: file.id, expiresAt, upload: { mode: 'single', ...put } } satisfies InitiatedUpload
    }
    const uploadId = await rt.storage.createMultipartUpload(file.storageKey, file.mimeType)
    await rt.db.fileUpload.update({ where: { id: file.id }, data: { uploadId } })
    const partSize = FILE_LIMITS.partSizeBytes
    const partNumbers = Array.from({ length: Math.ceil(input.size / partSize) }, (_, i) => i + 1)
    const parts = await Promise.all(
      partNumbers.map(async (partNumber) => ({
        partNumber,
        url: await rt.storage.presignPart(
          { key: file.storageKey, uploadId, partNumber, maxBytes: partSize },
          presign,
        ),
      })),
    )
    return {
      fileId: file.id,
      expiresAt,
      upload: { mode: 'multipart', partSize, parts },
    } satisfies InitiatedUpload
  } catch (err) {
    await rt.db.fileUpload.update({ where: { id: file.id }, data: { status: 'FAILED' } })
    throw err
  }
}

/** Creates the PENDING row unless the owner already has the maximum of uploads in progress. */
async function reserveUploadSlot(rt: Runtime, ownerId: string, input: TInitiateUploadInput) {
  // Uploads whose URLs have expired cannot progress any more, so they no longer hold a slot.
  const staleBefore = new Date(rt.clock.now().getTime() - FILE_LIMITS.uploadUrlTtlSeconds * 1000)
  return rt.db.$transaction(async (tx) => {
    // Serialises one owner's initiates, so two at once cannot both take the last slot.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`file-uploads:${ownerId}`}))`
    const inProgress = await tx.fileUpload.count({
      where: { ownerId, status: 'PENDING', createdAt: { gt: staleBefore } },
    })
    if (inProgress >= FILE_LIMITS.concurrentUploadsPerUser) throw new AppError('FILE004')
    return tx.fileUpload.create({
      data: {
        ownerId,
        storageKey: `uploads/${ownerId}/${randomUUID()}${extensionOf(input.fileName)}`,
        fileName: input.fileName,
        mimeType: input.mimeType,
        size: BigInt(input.size),
        createdAt: rt.clock.now(),
      },
    })
  })
}

export async function completeUpload(rt: Runtime, ownerId: string, input: TCompleteUploadInput) {
  const file = await loadOwnUpload(rt, ownerId, input.fileId)
  // A retried completion gets the same answer as the first one.
  if (isCompleted(file.status)) return toAttachmentView(file)
  if (file.status !== 'PENDING') throw new AppError('FILE007')

  if (file.uploadId) {
    const expectedParts = Math.ceil(Number(file.size) / FILE_LIMITS.partSizeBytes)
    if (input.parts?.length !== expectedParts) {
      throw new AppError('FILE005', `This upload has ${expectedParts} parts; send an ETag for each.`, 'parts')
    }
    try {
      await rt.storage.completeMultipartUpload(file.storageKey, file.uploadId, input.parts)
    } catch (err) {
      if (!(err instanceof StorageError)) throw err
      if (err.code === 'InvalidPart')
        throw new AppError('FILE005', 'A part is missing or does not match its ETag.', 'parts')
      return settledElsewhere(rt, file.id)
    }
  } else if (input.parts?.length) {
    throw new AppError('FILE005', 'This upload was a single request; it has no parts.', 'parts')
  } else if (await rt.storage.headObject(stagingKeyOf(file.storageKey))) {
    // Verified below where the client's PUT URL (valid for a while yet) cannot overwrite it.
    await rt.storage.moveObject(stagingKeyOf(file.storageKey), file.storageKey)
  }

  const stored = await rt.storage.headObject(file.storageKey)
  if (!stored) {
    if (!file.uploadId) throw new AppError('FILE007', 'Nothing has been uploaded for this file yet.')
    return settledElsewhere(rt, file.id)
  }
  if (stored.size !== Number(file.size)) {
    await rejectUpload(rt, file, `stored ${stored.size} bytes, announced ${file.size}`)
    throw new AppError('FILE005', `The upload has ${stored.size} bytes, not the ${file.size} announced.`)
  }
  const head = await rt.storage.readObject(file.storageKey, { start: 0, end: SNIFF_BYTES - 1 })
  const verdict = checkContent(file.mimeType, head, (await fileTypeFromBuffer(head))?.mime)
  if (!verdict.ok) {
    await rejectUpload(rt, file, verdict.reason)
    throw new AppError(verdict.code, `The file's content does not match ${file.mimeType}.`)
  }

  const done = await rt.db.fileUpload.updateMany({
    where: { id: file.id, status: 'PENDING' },
    data: { status: 'UPLOADED', mimeType: verdict.mimeType, completedAt: rt.clock.now() },
  })
  if (done.count === 0) return settledElsewhere(rt, file.id)
  scheduleProcessing(rt, file.id)
  return toAttachmentView({ ...file, status: 'UPLOADED', mimeType: verdict.mimeType })
}

/** The current state after another request finished (or consumed) this upload first. */
async function settledElsewhere(rt: Runtime, fileId: string) {
  const now = await rt.db.fileUpload.findUniqueOrThrow({ where: { id: fileId } })
  if (!isCompleted(now.status)) throw new AppError('FILE007')
  return toAttachmentView(now)
}

/** The stored bytes are not what was announced: nobody may ever download them. */
async function rejectUpload(rt: Runtime, file: UploadRow, reason: string) {
  rt.logger.warn({ fileId: file.id, ownerId: file.ownerId, reason }, 'upload rejected')
  await rt.db.fileUpload.update({ where: { id: file.id }, data: { status: 'FAILED' } })
  await rt.storage.deleteObject(file.storageKey)
}

export async function abortUpload(rt: Runtime, ownerId: string, input: TFileIdInput) {
  const file = await loadOwnUpload(rt, ownerId, input.fileId)
  if (file.status === 'ABORTED') return { fileId: file.id, status: file.status }
  if (file.status !== 'PENDING') throw new AppError('FILE007')
  const aborted = await rt.db.fileUpload.updateMany({
    where: { id: file.id, status: 'PENDING' },
    data: { status: 'ABORTED' },
  })
  if (aborted.count === 0) throw new AppError('FILE007')
  await releaseStorage(rt, file)
  return { fileId: file.id, status: 'ABORTED' as const }
}

/**
 * Daily clean-up: uploads still PENDING since before `olderThan` are aborted and their parts and
 * objects removed. Returns how many were aborted.
 */
export async function cleanupAbandonedUploads(rt: Runtime, olderThan: Date) {
  let aborted = 0
  for (;;) {
    const batch = await rt.db.fileUpload.findMany({
      where: { status: 'PENDING', createdAt: { lt: olderThan } },
      orderBy: { createdAt: 'asc' },
      take: 100,
    })
    if (batch.length === 0) return { aborted }
    for (const file of batch) {
      const claimed = await rt.db.fileUpload.updateMany({
        where: { id: file.id, status: 'PENDING' },
        data: { status: 'ABORTED' },
      })
      if (claimed.count === 0) continue
      aborted++
      await releaseStorage(rt, file)
    }
  }
}

/**
 * Best effort: the row is already ABORTED, so a storage failure only leaves bytes nobody can reach;
 * buckets should also carry an "abort incomplete multipart uploads" lifecycle rule.
 */
async function releaseStorage(rt: Runtime, file: UploadRow) {
  try {
    if (file.uploadId) await rt.storage.abortMultipartUpload(file.storageKey, file.uploadId)
    else await rt.storage.deleteObject(stagingKeyOf(file.storageKey))
    await rt.storage.deleteObject(file.storageKey)
  } catch (err) {
    rt.logger.warn({ err, fileId: file.id }, 'could not release storage of an aborted upload')
  }
}

async function loadOwnUpload(rt: Runtime, ownerId: string, fileId: string) {
  const file = await rt.db.fileUpload.findUnique({ where: { id: fileId } })
  if (!file || file.ownerId !== ownerId) throw new AppError('FILE006')
  return file
}

/** Where a single-request upload lands before completion moves it to its final key. */
const stagingKeyOf = (storageKey: string) => `staging/${storageKey}`

function extensionOf(fileName: string) {
  const match = /\.[A-Za-z0-9]{1,10}$/.exec(fileName)
  return match ? match[0].toLowerCase() : ''
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
