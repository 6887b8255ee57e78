// The one interface uploads, processing and downloads use, whichever backend holds the bytes:
// S3-compatible storage when S3_* is configured, else a folder under DATA_DIR served by the api itself.
import type { Readable } from 'node:stream'

export type PresignOptions = { expiresInSeconds: number; now: Date }

export type CompletedPart = { partNumber: number; etag: string }

export type ObjectStorage = {
  readonly kind: 's3' | 'local'
  createMultipartUpload(key: string, contentType: string): Promise<string>
  presignPart(
    target: { key: string; uploadId: string; partNumber: number; maxBytes: number },
    options: PresignOptions,
  ): Promise<string>
  presignPut(
    target: { key: string; contentType: string; maxBytes: number },
    options: PresignOptions,
  ): Promise<{ url: string; headers: Record<string, string> }>
  /** Throws StorageError('InvalidPart') when a part is missing or its ETag does not match. */
  completeMultipartUpload(key: string, uploadId: string, parts: CompletedPart[]): Promise<void>
  abortMultipartUpload(key: string, uploadId: string): Promise<void>
  /** The stored object's size, or null when there is none. */
  headObject(key: string): Promise<{ size: number } | null>
  /** Bytes [start, end] inclusive (clamped to the object), or the whole object. */
  readObject(key: string, range?: { start: number; end: number }): Promise<Buffer>
  openReadStream(key: string): Promise<Readable>
  putObject(key: string, body: Buffer, contentType: string): Promise<void>
  /** Moves an object to a key only the api writes, so a still-valid upload URL cannot replace it. */
  moveObject(from: string, to: string): Promise<void>
  deleteObject(key: string): Promise<void>
  presignGet(
    target: { key: string; fileName: string; contentType: string },
    options: PresignOptions,
  ): Promise<string>
}

export type StorageErrorCode = 'InvalidPart' | 'NoSuchUpload' | 'NotFound'

/** A failure the upload flow turns into a client-facing refusal rather than a 500. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}

/** RFC 6266 attachment header that survives non-ASCII names. */
export function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
