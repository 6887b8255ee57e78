// What clients see of a stored file, and the statuses in which its bytes are complete and verified.
import type { AttachmentView } from '@connecto/shared'

/** Uploaded, size- and type-checked; previews may still be in the making. */
export const COMPLETED_STATUSES = ['UPLOADED', 'PROCESSING', 'READY'] as const
export const isCompleted = (status: string) => (COMPLETED_STATUSES as readonly string[]).includes(status)

/** Derived objects written by processing, stored in FileUpload.variants. */
export type FileVariants = {
  displayKey?: string
  thumbnailKey?: string
  posterKey?: string
  noPreview?: boolean
  noPreviewReason?: string
}

export const fileViewSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
  status: true,
  width: true,
  height: true,
  variants: true,
} as const

export type FileRow = {
  id: string
  fileName: string
  mimeType: string
  /** bigint from Prisma, number from JSON built in SQL (history pages). */
  size: bigint | number
  status: string
  width: number | null
  height: number | null
  variants: unknown
}

export const variantsOf = (file: { variants: unknown }) => (file.variants ?? {}) as FileVariants

export function toAttachmentView(file: FileRow): AttachmentView {
  const variants = variantsOf(file)
  return {
    fileId: file.id,
    name: file.fileName,
    mimeType: file.mimeType,
    size: Number(file.size),
    width: file.width,
    height: file.height,
    status: file.status,
    hasThumbnail: !!variants.thumbnailKey,
    hasDisplay: !!variants.displayKey,
    hasPoster: !!variants.posterKey,
    noPreview: !!variants.noPreview,
  }
}
