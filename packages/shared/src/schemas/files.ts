// Uploads, attachments and downloads: what a client may send, and the limits it can check before sending.
import { z } from 'zod'
import { ZId } from './common.ts'

const MB = 1024 * 1024

export type FileCategory = 'image' | 'video' | 'audio' | 'document'

/** Allowed MIME types per category, with the largest file each category accepts. */
export const FILE_CATEGORIES = {
  image: {
    maxBytes: 10 * MB,
    mimeTypes: [
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/gif',
      'image/heic',
      'image/heif',
      'image/avif',
    ],
  },
  video: {
    maxBytes: 500 * MB,
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-matroska', 'video/3gpp'],
  },
  audio: {
    maxBytes: 100 * MB,
    mimeTypes: [
      'audio/mpeg',
      'audio/mp4',
      'audio/aac',
      'audio/ogg',
      'audio/wav',
      'audio/x-wav',
      'audio/webm',
      'audio/x-m4a',
      'audio/flac',
    ],
  },
  document: {
    maxBytes: 50 * MB,
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'text/csv',
      'application/rtf',
      'application/zip',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.oasis.opendocument.spreadsheet',
      'application/vnd.oasis.opendocument.presentation',
    ],
  },
} as const satisfies Record<FileCategory, { maxBytes: number; mimeTypes: readonly string[] }>

export const FILE_LIMITS = {
  /** Multipart part size; every part but the last has exactly this size (S3's minimum). */
  partSizeBytes: 5 * MB,
  /** Files up to this size go up in one presigned PUT instead of a multipart upload. */
  singlePutMaxBytes: 5 * MB,
  /** Uploads one user may have started and not yet completed or aborted. */
  concurrentUploadsPerUser: 3,
  /** Lifetime of presigned upload and download URLs. */
  uploadUrlTtlSeconds: 60 * 60,
  downloadUrlTtlSeconds: 5 * 60,
  attachmentsPerMessage: 10,
  captionMax: 1000,
  fileNameMax: 255,
} as const

/** The category a MIME type belongs to, or null when it is not allowed at all. */
export function fileCategoryOf(mimeType: string): FileCategory | null {
  const mime = mimeType.toLowerCase()
  for (const [category, spec] of Object.entries(FILE_CATEGORIES)) {
    if ((spec.mimeTypes as readonly string[]).includes(mime)) return category as FileCategory
  }
  return null
}

export const ZInitiateUploadInput = z.object({
  fileName: z.string().trim().min(1).max(FILE_LIMITS.fileNameMax),
  size: z.number().int().positive(),
  mimeType: z.string().trim().toLowerCase().min(3).max(127),
})
export type TInitiateUploadInput = z.infer<typeof ZInitiateUploadInput>

export const ZUploadPart = z.object({
  partNumber: z.number().int().min(1).max(10_000),
  etag: z.string().min(1).max(200),
})

export const ZCompleteUploadInput = z.object({
  fileId: ZId,
  /** Every part's ETag as returned by its PUT; omitted for single-request uploads. */
  parts: z.array(ZUploadPart).max(10_000).optional(),
})
export type TCompleteUploadInput = z.infer<typeof ZCompleteUploadInput>

export const ZFileIdInput = z.object({ fileId: ZId })
export type TFileIdInput = z.infer<typeof ZFileIdInput>

export const ZFileVariant = z.enum(['original', 'display', 'thumbnail', 'poster'])
export type TFileVariant = z.infer<typeof ZFileVariant>

export const ZDownloadUrlInput = z.object({ fileId: ZId, variant: ZFileVariant.default('original') })
export type TDownloadUrlInput = z.infer<typeof ZDownloadUrlInput>

export const ZSetAvatarInput = z.object({ fileId: ZId.nullable() })
export type TSetAvatarInput = z.infer<typeof ZSetAvatarInput>

export const ZSetTravelCoverInput = z.object({ travelId: ZId, fileId: ZId.nullable() })
export type TSetTravelCoverInput = z.infer<typeof ZSetTravelCoverInput>

/** Files sent with a message: completed uploads of the sender, shown in this order. */
export const ZMessageAttachmentsInput = z.object({
  fileIds: z
    .array(ZId)
    .min(1)
    .max(FILE_LIMITS.attachmentsPerMessage)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'A file can be attached only once.' }),
  caption: z.string().trim().max(FILE_LIMITS.captionMax).optional(),
})
export type TMessageAttachmentsInput = z.infer<typeof ZMessageAttachmentsInput>

export type UploadTarget =
  | { mode: 'single'; url: string; headers: Record<string, string> }
  | { mode: 'multipart'; partSize: number; parts: { partNumber: number; url: string }[] }

export type InitiatedUpload = { fileId: string; expiresAt: string; upload: UploadTarget }

/** What clients see of a file attached to a message, avatar or cover; bytes come from files.downloadUrl. */
export type AttachmentView = {
  fileId: string
  name: string
  mimeType: string
  size: number
  width: number | null
  height: number | null
  /** PROCESSING while previews are being made; READY once done. */
  status: string
  hasThumbnail: boolean
  hasDisplay: boolean
  hasPoster: boolean
  /** Set when no preview can exist (e.g. no video tools on the server); clients show a generic icon. */
  noPreview: boolean
}
