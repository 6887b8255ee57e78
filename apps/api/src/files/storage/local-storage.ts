// Local-folder backend, the default when no S3 is configured: objects live under DATA_DIR/files and
// clients use the same presign / complete flow, against signed links the api serves itself.
import { createHash, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { type CompletedPart, type ObjectStorage, StorageError } from './object-storage.ts'
import { expiryOf, type LocalLink, signLink, verifyLink } from './signed-links.ts'

export type LocalStorage = ObjectStorage & {
  readonly kind: 'local'
  verify(token: string, now: Date): LocalLink | null
  /** Streams an upload into place, refusing it once it passes the link's size cap. */
  receive(
    link: Extract<LocalLink, { op: 'put' | 'part' }>,
    body: AsyncIterable<Buffer>,
  ): Promise<ReceiveResult>
  pathOf(key: string): string
}

export type ReceiveResult = { ok: true; etag: string } | { ok: false; reason: 'too-large' | 'no-upload' }

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/
const SAFE_UPLOAD_ID = /^[a-f0-9]{32}$/

export function createLocalStorage(opts: {
  root: string
  publicApiUrl: string
  secret: string
}): LocalStorage {
  const objectsDir = path.resolve(opts.root, 'objects')
  const uploadsDir = path.resolve(opts.root, 'uploads')

  function pathOf(key: string) {
    if (!SAFE_KEY.test(key) || key.split('/').includes('..')) throw new Error(`unsafe storage key ${key}`)
    return path.join(objectsDir, key)
  }
  function uploadDir(uploadId: string) {
    if (!SAFE_UPLOAD_ID.test(uploadId)) throw new StorageError('NoSuchUpload', 'malformed upload id')
    return path.join(uploadsDir, uploadId)
  }
  const linkUrl = (link: LocalLink) =>
    `${opts.publicApiUrl}/files/object?token=${signLink(opts.secret, link)}`

  /** Writes a stream to `target` through a temp file, so readers never see half an object. */
  async function writeCapped(target: string, body: AsyncIterable<Buffer>, maxBytes: number) {
    await mkdir(path.dirname(target), { recursive: true })
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
    const out = createWriteStream(temp)
    const md5 = createHash('md5')
    let size = 0
    try {
      for await (const chunk of body) {
        size += chunk.length
        if (size > maxBytes) {
          out.destroy()
          await rm(temp, { force: true })
          return null
        }
        md5.update(chunk)
        if (!out.write(chunk)) await once(out, 'drain')
      }
      out.end()
      await once(out, 'finish')
      await rename(temp, target)
      return `"${md5.digest('hex')}"`
    } catch (err) {
      out.destroy()
      await rm(temp, { force: true })
      throw err
    }
  }

  async function readUploadKey(uploadId: string) {
    try {
      return await readFile(path.join(uploadDir(uploadId), 'key'), 'utf8')
    } catch {
      return null
    }
  }

  async function partEtag(file: string) {
    const md5 = createHash('md5')
    for await (const chunk of createReadStream(file)) md5.update(chunk as Buffer)
    return `"${md5.digest('hex')}"`
  }

  async function assembleParts(key: string, uploadId: string, parts: CompletedPart[]) {
    const dir = uploadDir(uploadId)
    const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber)
    const stored = new Set(await readdir(dir))
    for (const [index, part] of sorted.entries()) {
      if (part.partNumber !== index + 1) throw new StorageError('InvalidPart', 'parts must be numbered 1..n')
      const file = path.join(dir, `part-${part.partNumber}`)
      if (!stored.has(`part-${part.partNumber}`)) {
        throw new StorageError('InvalidPart', `part ${part.partNumber} was not uploaded`)
      }
      if ((await partEtag(file)) !== normaliseEtag(part.etag)) {
        throw new StorageError('InvalidPart', `part ${part.partNumber} does not match its ETag`)
      }
    }
    const target = pathOf(key)
    await mkdir(path.dirname(target), { recursive: true })
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
    const out = createWriteStream(temp)
    for (const part of sorted) {
      for await (const chunk of createReadStream(path.join(dir, `part-${part.partNumber}`))) {
        if (!out.write(chunk)) await once(out, 'drain')
      }
    }
    out.end()
    await once(out, 'finish')
    await rename(temp, target)
  }

  return {
    kind: 'local',
    pathOf,
    verify: (token, now) => verifyLink(opts.secret, token, now),
    async receive(link, body) {
      if (link.op === 'put') {
        const etag = await writeCapped(pathOf(link.key), body, link.maxBytes)
        return etag ? { ok: true, etag } : { ok: false, reason: 'too-large' }
      }
      if ((await readUploadKey(link.uploadId)) !== link.key) return { ok: false, reason: 'no-upload' }
      const file = path.join(uploadDir(link.uploadId), `part-${link.partNumber}`)
      const etag = await writeCapped(file, body, link.maxBytes)
      return etag ? { ok: true, etag } : { ok: false, reason: 'too-large' }
    },
    async createMultipartUpload(key) {
      pathOf(key)
      const uploadId = randomBytes(16).toString('hex')
      await mkdir(uploadDir(uploadId), { recursive: true })
      await writeFile(path.join(uploadDir(uploadId), 'key'), key)
      return uploadId
    },
    async presignPart({ key, uploadId, partNumber, maxBytes }, { expiresInSeconds, now }) {
      return linkUrl({
        op: 'part',
        key,
        uploadId,
        partNumber,
        maxBytes,
        exp: expiryOf(now, expiresInSeconds),
      })
    },
    async presignPut({ key, contentType, maxBytes }, { expiresInSeconds, now }) {
      const url = linkUrl({ op: 'put', key, maxBytes, exp: expiryOf(now, expiresInSeconds) })
      return { url, headers: { 'content-type': contentType } }
    },
    async completeMultipartUpload(key, uploadId, parts) {
      if ((await readUploadKey(uploadId)) !== key) throw new StorageError('NoSuchUpload', 'no such upload')
      await assembleParts(key, uploadId, parts)
      await rm(uploadDir(uploadId), { recursive: true, force: true })
    },
    async abortMultipartUpload(key, uploadId) {
      if ((await readUploadKey(uploadId)) !== key) return
      await rm(uploadDir(uploadId), { recursive: true, force: true })
    },
    async headObject(key) {
      try {
        const s = await stat(pathOf(key))
        return { size: s.size }
      } catch {
        return null
      }
    },
    async readObject(key, range) {
      let handle: Awaited<ReturnType<typeof open>>
      try {
        handle = await open(pathOf(key), 'r')
      } catch {
        throw new StorageError('NotFound', `object ${key} not found`)
      }
      try {
        if (!range) return await handle.readFile()
        const length = Math.max(0, range.end - range.start + 1)
        const buffer = Buffer.alloc(length)
        const { bytesRead } = await handle.read(buffer, 0, length, range.start)
        return buffer.subarray(0, bytesRead)
      } finally {
        await handle.close()
      }
    },
    async openReadStream(key): Promise<Readable> {
      if (!(await this.headObject(key))) throw new StorageError('NotFound', `object ${key} not found`)
      return createReadStream(pathOf(key))
    },
    async putObject(key, body) {
      const target = pathOf(key)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, body)
    },
    async moveObject(from, to) {
      const target = pathOf(to)
      await mkdir(path.dirname(target), { recursive: true })
      await rename(pathOf(from), target)
    },
    async deleteObject(key) {
      await rm(pathOf(key), { force: true })
    },
    async presignGet({ key, fileName, contentType }, { expiresInSeconds, now }) {
      return linkUrl({ op: 'get', key, fileName, contentType, exp: expiryOf(now, expiresInSeconds) })
    },
  }
}

const normaliseEtag = (etag: string) => `"${etag.replace(/"/g, '')}"`

export const isLocalStorage = (storage: ObjectStorage): storage is LocalStorage => storage.kind === 'local'
