// What only the local-folder backend does itself (S3 does it for the other one): signed-link checks,
// size caps while streaming, part ETag verification and removal of aborted parts.

import { mkdtemp, readdir, rm } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime, startTestServer } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'
import { makeMp4, putBytes, sendBytes } from './test/upload-client.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
let api: Awaited<ReturnType<typeof startTestServer>>
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'connecto-local-files-'))
  t = await createTestRuntime({ env: { DATA_DIR: dir } })
  api = await startTestServer(t.rt)
})
afterAll(async () => {
  await api.close()
  await t.close()
  await rm(dir, { recursive: true, force: true })
})

/** Local links point at PUBLIC_API_URL; the test server listens on an ephemeral port instead. */
const onTestServer = (url: string) => {
  const u = new URL(url)
  return `${api.url}${u.pathname}${u.search}`
}

/** A chunked PUT (no Content-Length), so only the streaming cap can stop it. */
function putChunked(url: string, chunks: Buffer[]) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(url, { method: 'PUT' }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)))
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

const uploadsDirEntries = async () => readdir(path.join(dir, 'files', 'uploads')).catch(() => [])

describe('local-folder storage', () => {
  it('refuses forged, tampered and mismatched links', async () => {
    const s = await travelFixtures(t.rt).setup()
    const asHost = await s.as(s.host)
    const started = await asHost.files.initiate({ fileName: 'a.txt', size: 10, mimeType: 'text/plain' })
    if (started.upload.mode !== 'single') throw new Error('expected single')
    const url = new URL(onTestServer(started.upload.url))
    const token = url.searchParams.get('token') ?? ''
    const [payload, signature] = token.split('.')
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    forged.maxBytes = 10 ** 9
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`
    expect(
      (await putBytes(`${api.url}/files/object?token=${tampered}`, Buffer.from('0123456789'))).status,
    ).toBe(403)
    expect((await putBytes(`${api.url}/files/object?token=nope`, Buffer.from('0123456789'))).status).toBe(403)
    // An upload link cannot be used to read.
    expect((await fetch(url)).status).toBe(405)
    expect((await putBytes(url.toString(), Buffer.from('0123456789'))).status).toBe(200)
  })

  it('stops an upload past its size cap while streaming and keeps nothing of it', async () => {
    const s = await travelFixtures(t.rt).setup()
    const asHost = await s.as(s.host)
    const started = await asHost.files.initiate({ fileName: 'b.txt', size: 1000, mimeType: 'text/plain' })
    if (started.upload.mode !== 'single') throw new Error('expected single')
    const url = onTestServer(started.upload.url)
    expect((await putBytes(url, Buffer.alloc(1001, 'x'))).status).toBe(413)
    expect(await putChunked(url, [Buffer.alloc(600, 'x'), Buffer.alloc(600, 'x')])).toBe(413)
    const row = await t.rt.db.fileUpload.findUniqueOrThrow({ where: { id: started.fileId } })
    expect(await t.rt.storage.headObject(row.storageKey)).toBeNull()
  })

  it('verifies part ETags on completion and removes the parts of an aborted upload', async () => {
    const s = await travelFixtures(t.rt).setup()
    const asHost = await s.as(s.host)
    const video = makeMp4(6 * 1024 * 1024)
    const started = await asHost.files.initiate({
      fileName: 'v.mp4',
      size: video.length,
      mimeType: 'video/mp4',
    })
    if (started.upload.mode !== 'multipart') throw new Error('expected multipart')
    const local = {
      ...started,
      upload: {
        ...started.upload,
        parts: started.upload.parts.map((p) => ({ ...p, url: onTestServer(p.url) })),
      },
    }
    const parts = (await sendBytes(local, video))!
    const wrong = parts.map((p, i) => (i === 1 ? { ...p, etag: '"00000000000000000000000000000000"' } : p))
    expect(await codeOf(asHost.files.complete({ fileId: started.fileId, parts: wrong }))).toBe('FILE005')
    expect(await asHost.files.complete({ fileId: started.fileId, parts })).toMatchObject({
      status: 'UPLOADED',
    })

    const abandoned = await asHost.files.initiate({
      fileName: 'w.mp4',
      size: video.length,
      mimeType: 'video/mp4',
    })
    if (abandoned.upload.mode !== 'multipart') throw new Error('expected multipart')
    const first = abandoned.upload.parts[0]!
    expect(
      (await putBytes(onTestServer(first.url), video.subarray(0, abandoned.upload.partSize))).status,
    ).toBe(200)
    const row = await t.rt.db.fileUpload.findUniqueOrThrow({ where: { id: abandoned.fileId } })
    expect(await uploadsDirEntries()).toContain(row.uploadId)
    await asHost.files.abort({ fileId: abandoned.fileId })
    expect(await uploadsDirEntries()).not.toContain(row.uploadId)
    // The part link still verifies, but the upload it belonged to is gone.
    expect((await putBytes(onTestServer(first.url), Buffer.from('late'))).status).toBe(404)
  })
})
