// S3-compatible backend (R2, S3, MinIO) through the AWS SDK v3; clients upload and download directly
// against the bucket with presigned URLs, so file bytes never pass through the api.
import type { Readable } from 'node:stream'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { contentDisposition, type ObjectStorage, StorageError } from './object-storage.ts'

export type S3StorageConfig = {
  bucket: string
  endpoint?: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  forcePathStyle: boolean
}

const statusOf = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
const nameOf = (err: unknown) => (err as { name?: string }).name

export function createS3Storage(config: S3StorageConfig): ObjectStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Default CRC checksums would be signed into presigned URLs that browsers cannot satisfy, and R2 and
    // most stand-ins reject some of them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = config.bucket

  async function getBody(key: string, range?: string) {
    try {
      const out = await client.send(new GetObjectCommand({ Bucket, Key: key, Range: range }))
      if (!out.Body) throw new StorageError('NotFound', `object ${key} has no body`)
      return out.Body
    } catch (err) {
      if (nameOf(err) === 'NoSuchKey' || statusOf(err) === 404) {
        throw new StorageError('NotFound', `object ${key} not found`)
      }
      throw err
    }
  }

  return {
    kind: 's3',
    async createMultipartUpload(key, contentType) {
      const out = await client.send(
        new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: contentType }),
      )
      if (!out.UploadId) throw new Error('S3 returned no UploadId')
      return out.UploadId
    },
    presignPart({ key, uploadId, partNumber }, { expiresInSeconds, now }) {
      return getSignedUrl(
        client,
        new UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }),
        { expiresIn: expiresInSeconds, signingDate: now },
      )
    },
    async presignPut({ key, contentType, maxBytes }, { expiresInSeconds, now }) {
      // Content-Length is signed: S3 refuses a body of any other size than the one announced.
      const command = new PutObjectCommand({
        Bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: maxBytes,
      })
      const url = await getSignedUrl(client, command, {
        expiresIn: expiresInSeconds,
        signingDate: now,
      })
      return { url, headers: { 'content-type': contentType } }
    },
    async completeMultipartUpload(key, uploadId, parts) {
      try {
        await client.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key: key,
            UploadId: uploadId,
            MultipartUpload: {
              Parts: [...parts]
                .sort((a, b) => a.partNumber - b.partNumber)
                .map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
            },
          }),
        )
      } catch (err) {
        const name = nameOf(err)
        if (name === 'InvalidPart' || name === 'InvalidPartOrder' || name === 'EntityTooSmall') {
          throw new StorageError('InvalidPart', (err as Error).message)
        }
        if (name === 'NoSuchUpload') throw new StorageError('NoSuchUpload', (err as Error).message)
        throw err
      }
    },
    async abortMultipartUpload(key, uploadId) {
      try {
        await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId }))
      } catch (err) {
        if (nameOf(err) === 'NoSuchUpload' || statusOf(err) === 404) return
        throw err
      }
    },
    async headObject(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }))
        return { size: out.ContentLength ?? 0 }
      } catch (err) {
        if (nameOf(err) === 'NotFound' || statusOf(err) === 404) return null
        throw err
      }
    },
    async readObject(key, range) {
      const body = await getBody(key, range ? `bytes=${range.start}-${range.end}` : undefined)
      return Buffer.from(await body.transformToByteArray())
    },
    async openReadStream(key) {
      return (await getBody(key)) as Readable
    },
    async putObject(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }))
    },
    async moveObject(from, to) {
      const source = `${Bucket}/${from.split('/').map(encodeURIComponent).join('/')}`
      await client.send(new CopyObjectCommand({ Bucket, Key: to, CopySource: source }))
      await client.send(new DeleteObjectCommand({ Bucket, Key: from }))
    },
    async deleteObject(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
    presignGet({ key, fileName, contentType }, { expiresInSeconds, now }) {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket,
          Key: key,
          ResponseContentDisposition: contentDisposition(fileName),
          ResponseContentType: contentType,
        }),
        { expiresIn: expiresInSeconds, signingDate: now },
      )
    },
  }
}
