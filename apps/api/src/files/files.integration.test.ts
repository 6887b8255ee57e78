// The upload → process → attach → download flow, one test body run over both storage backends: an
// S3-compatible server (s3rver) started here, and the default local folder served by the api.
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FILE_LIMITS } from '@connecto/shared'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callerFor, codeOf, type TestEnv } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'
import { processUploadJob } from './process-upload.job.ts'
import { startFilesTestApi } from './test/files-api.ts'
import {
  makeExecutable,
  makeMp4,
  makePng,
  putBytes,
  sendBytes,
  uploadFile,
  waitUntilProcessed,
} from './test/upload-client.ts'
import { cleanupAbandonedUploads } from './uploads.service.ts'

type Backend = {
  name: string
  kind: 's3' | 'local'
  start: (dir: string) => Promise<{ env: TestEnv; stop: () => Promise<void> }>
}

const BUCKET = 'connecto-files'
const backends: Backend[] = [
  {
    name: 'S3-compatible storage (s3rver)',
    kind: 's3',
    async start(dir) {
      const server = new S3rver({
        port: 0,
        address: '127.0.0.1',
        silent: true,
        directory: path.join(dir, 's3'),
        configureBuckets: [{ name: BUCKET, configs: [] }],
      })
      const { port } = await server.run()
      return {
        env: {
          S3_BUCKET: BUCKET,
          S3_ENDPOINT: `http://127.0.0.1:${port}`,
          S3_REGION: 'us-east-1',
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
          S3_FORCE_PATH_STYLE: '1',
        },
        stop: () => server.close(),
      }
    },
  },
  { name: 'local folder', kind: 'local', start: async () => ({ env: {}, stop: async () => {} }) },
]

const sha256 = (b: Buffer | ArrayBuffer) =>
  createHash('sha256')
    .update(Buffer.from(b as ArrayBuffer))
    .digest('hex')
const MB = 1024 * 1024

describe.each(backends)('files over $name', (backend) => {
  let api: Awaited<ReturnType<typeof startFilesTestApi>>
  let stopBackend: () => Promise<void>
  let s3Dir: string
  let clockOffsetMs = 0
  const rt = () => api.rt

  beforeAll(async () => {
    s3Dir = await mkdtemp(path.join(tmpdir(), 'connecto-s3rver-'))
    const started = await backend.start(s3Dir)
    stopBackend = started.stop
    api = await startFilesTestApi({
      env: started.env,
      clock: { now: () => new Date(Date.now() + clockOffsetMs) },
    })
    expect(api.rt.storage.kind).toBe(backend.kind)
    // Processing runs as a job, on this process's in-process workers.
    await api.rt.jobs.start(api.rt, [processUploadJob], [])
  })
  afterAll(async () => {
    await api.close()
    await stopBackend()
    await rm(s3Dir, { recursive: true, force: true })
  })

  const fx = () => travelFixtures(rt())
  let n = 0
  /** A message in the planet carrying the given files, sent as a client sends it. */
  async function postWithFiles(userId: string, planetId: string, fileIds: string[]) {
    const caller = await callerFor(rt(), userId)
    return caller.messages.send({
      planetId,
      clientMessageId: `files-${++n}-${Date.now()}`,
      attachments: { fileIds },
    })
  }
  const download = async (url: string) => {
    const res = await fetch(url)
    return {
      status: res.status,
      body: Buffer.from(await res.arrayBuffer()),
      type: res.headers.get('content-type'),
    }
  }

  it('uploads a small image in one PUT, makes its previews and serves them to planet members', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const png = await makePng(640, 480)
    const initiated = await asHost.files.initiate({
      fileName: 'beach.png',
      size: png.length,
      mimeType: 'image/png',
    })
    expect(initiated.upload.mode).toBe('single')
    await sendBytes(initiated, png)
    const completed = await asHost.files.complete({ fileId: initiated.fileId })
    expect(completed).toMatchObject({ fileId: initiated.fileId, status: 'UPLOADED', size: png.length })
    // A retried completion answers the same way.
    expect((await asHost.files.complete({ fileId: initiated.fileId })).fileId).toBe(initiated.fileId)
    const view = await waitUntilProcessed(asHost, initiated.fileId)
    expect(view).toMatchObject({
      status: 'READY',
      width: 640,
      height: 480,
      hasThumbnail: true,
      hasDisplay: true,
    })

    await postWithFiles(s.host.id, s.planets[0]!.id, [initiated.fileId])
    const asPart = await s.as(s.part)
    const original = await download((await asPart.files.downloadUrl({ fileId: initiated.fileId })).url)
    expect(original.status).toBe(200)
    expect(sha256(original.body)).toBe(sha256(png))
    const thumb = await download(
      (await asPart.files.downloadUrl({ fileId: initiated.fileId, variant: 'thumbnail' })).url,
    )
    expect(thumb.status).toBe(200)
    const meta = await sharp(thumb.body).metadata()
    expect(meta.format).toBe('webp')
    expect(meta.width).toBe(320)
    expect(meta.height).toBe(240)
  })

  it('uploads a video in 5 MB parts, completes with the ETags and marks it "no preview" without ffmpeg', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const video = makeMp4(11 * MB)
    const initiated = await asHost.files.initiate({
      fileName: 'sunset.mp4',
      size: video.length,
      mimeType: 'video/mp4',
    })
    expect(initiated.upload.mode).toBe('multipart')
    if (initiated.upload.mode !== 'multipart') return
    expect(initiated.upload.partSize).toBe(FILE_LIMITS.partSizeBytes)
    expect(initiated.upload.parts.map((p) => p.partNumber)).toEqual([1, 2, 3])
    const parts = await sendBytes(initiated, video)
    expect(await codeOf(asHost.files.complete({ fileId: initiated.fileId, parts: parts!.slice(0, 2) }))).toBe(
      'FILE005',
    )
    await asHost.files.complete({ fileId: initiated.fileId, parts })
    expect(await waitUntilProcessed(asHost, initiated.fileId)).toMatchObject({
      status: 'READY',
      size: video.length,
      noPreview: true,
      hasPoster: false,
      mimeType: 'video/mp4',
    })
    const got = await download((await asHost.files.downloadUrl({ fileId: initiated.fileId })).url)
    expect(got.body.length).toBe(video.length)
    expect(sha256(got.body)).toBe(sha256(video))
    expect(await codeOf(asHost.files.downloadUrl({ fileId: initiated.fileId, variant: 'poster' }))).toBe(
      'FILE006',
    )
  })

  it('refuses a stored object whose size differs from the announced one, and deletes it', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const video = makeMp4(11 * MB)
    const initiated = await asHost.files.initiate({
      fileName: 'clip.mp4',
      size: video.length,
      mimeType: 'video/mp4',
    })
    // Every part arrives, but the last one is short.
    const parts = await sendBytes(initiated, video.subarray(0, video.length - 1000))
    expect(await codeOf(asHost.files.complete({ fileId: initiated.fileId, parts }))).toBe('FILE005')
    const row = await rt().db.fileUpload.findUniqueOrThrow({ where: { id: initiated.fileId } })
    expect(row.status).toBe('FAILED')
    expect(await rt().storage.headObject(row.storageKey)).toBeNull()
    expect(await codeOf(asHost.files.downloadUrl({ fileId: initiated.fileId }))).toBe('FILE006')
  })

  it('keeps the verified file when its upload URL is used again after completion', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const png = await makePng(32, 32)
    const initiated = await asHost.files.initiate({
      fileName: 'ok.png',
      size: png.length,
      mimeType: 'image/png',
    })
    await sendBytes(initiated, png)
    await asHost.files.complete({ fileId: initiated.fileId })
    if (initiated.upload.mode !== 'single') throw new Error('expected a single PUT')
    const swapped = makeExecutable(png.length)
    await putBytes(initiated.upload.url, swapped, initiated.upload.headers)
    const got = await download((await asHost.files.downloadUrl({ fileId: initiated.fileId })).url)
    expect(sha256(got.body)).toBe(sha256(png))
  })

  it('rejects and deletes a ".jpg" that is really an executable, and a PNG that is really a PDF', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const exe = makeExecutable()
    const fake = await asHost.files.initiate({
      fileName: 'photo.jpg',
      size: exe.length,
      mimeType: 'image/jpeg',
    })
    await sendBytes(fake, exe)
    expect(await codeOf(asHost.files.complete({ fileId: fake.fileId }))).toBe('FILE002')
    const row = await rt().db.fileUpload.findUniqueOrThrow({ where: { id: fake.fileId } })
    expect(row.status).toBe('FAILED')
    expect(await rt().storage.headObject(row.storageKey)).toBeNull()

    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x20)])
    const mislabelled = await asHost.files.initiate({
      fileName: 'map.png',
      size: pdf.length,
      mimeType: 'image/png',
    })
    await sendBytes(mislabelled, pdf)
    expect(await codeOf(asHost.files.complete({ fileId: mislabelled.fileId }))).toBe('FILE005')
  })

  it('checks type, size limits and three uploads at once per user before any upload starts', async () => {
    const s = await fx().setup()
    const asPart = await s.as(s.part)
    const start = (size: number, mimeType = 'application/pdf') =>
      asPart.files.initiate({ fileName: 'doc.pdf', size, mimeType })
    expect(await codeOf(start(1000, 'application/x-msdownload'))).toBe('FILE002')
    expect(await codeOf(start(50 * MB + 1))).toBe('FILE001')
    expect(await codeOf(start(10 * MB + 1, 'image/jpeg'))).toBe('FILE001')
    // Five at once: exactly three get a slot, however the requests interleave.
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map(() => start(1000)))
    const started = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))
    expect(started).toHaveLength(3)
    expect(
      await Promise.all(
        outcomes.filter((o) => o.status === 'rejected').map((o) => codeOf(Promise.reject(o.reason))),
      ),
    ).toEqual(['FILE004', 'FILE004'])
    const first = started[0]!
    expect(await asPart.files.abort({ fileId: first.fileId })).toEqual({
      fileId: first.fileId,
      status: 'ABORTED',
    })
    await start(1000)
    expect(await codeOf(asPart.files.complete({ fileId: first.fileId }))).toBe('FILE007')
    expect(await rt().db.fileUpload.count({ where: { ownerId: s.part.id, status: 'PENDING' } })).toBe(3)
  })

  it('issues download URLs only to people who can read the planet; a banned member loses access', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const doc = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20)])
    const file = await uploadFile(asHost, { name: 'itinerary.pdf', mimeType: 'application/pdf', body: doc })
    // Not attached anywhere yet: only its owner may fetch it.
    expect(await codeOf((await s.as(s.part)).files.downloadUrl({ fileId: file.fileId }))).toBe('FILE006')
    await postWithFiles(s.host.id, s.planets[0]!.id, [file.fileId])

    const asPart = await s.as(s.part)
    expect((await download((await asPart.files.downloadUrl({ fileId: file.fileId })).url)).status).toBe(200)
    expect(await codeOf((await s.as(s.outsider)).files.downloadUrl({ fileId: file.fileId }))).toBe('PLT002')
    expect(await codeOf((await s.as(s.outsider)).files.get({ fileId: file.fileId }))).toBe('PLT002')

    await asHost.moderation.banFromTravel({ travelId: s.travel.id, userId: s.part.id, reason: 'spam' })
    expect(await codeOf(asPart.files.downloadUrl({ fileId: file.fileId }))).toBe('TRV008')
  })

  it('download and upload URLs stop working once they expire', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const png = await makePng(64, 64)
    const file = await uploadFile(asHost, { name: 'a.png', mimeType: 'image/png', body: png })
    await postWithFiles(s.host.id, s.planets[0]!.id, [file.fileId])

    // Signed "in the past", so by the real clock both links are already past their lifetime.
    clockOffsetMs = -(FILE_LIMITS.uploadUrlTtlSeconds + 120) * 1000
    try {
      const stale = await asHost.files.downloadUrl({ fileId: file.fileId })
      const staleUpload = await asHost.files.initiate({
        fileName: 'b.png',
        size: png.length,
        mimeType: 'image/png',
      })
      clockOffsetMs = 0
      expect((await download(stale.url)).status).toBe(403)
      if (staleUpload.upload.mode !== 'single') throw new Error('expected a single PUT')
      expect((await putBytes(staleUpload.upload.url, png, staleUpload.upload.headers)).status).toBe(403)
    } finally {
      clockOffsetMs = 0
    }
    expect((await download((await asHost.files.downloadUrl({ fileId: file.fileId })).url)).status).toBe(200)
  })

  it('cleanupAbandonedUploads aborts uploads left pending and frees their slots', async () => {
    const s = await fx().setup()
    const asMod = await s.as(s.mod)
    clockOffsetMs = -2 * 24 * 3600_000
    let old: Awaited<ReturnType<typeof asMod.files.initiate>>
    try {
      old = await asMod.files.initiate({ fileName: 'big.mp4', size: 6 * MB, mimeType: 'video/mp4' })
    } finally {
      clockOffsetMs = 0
    }
    if (old.upload.mode !== 'multipart') throw new Error('expected multipart')
    const fresh = await asMod.files.initiate({ fileName: 'new.pdf', size: 100, mimeType: 'application/pdf' })

    const result = await cleanupAbandonedUploads(rt(), new Date(Date.now() - 24 * 3600_000))
    expect(result.aborted).toBeGreaterThanOrEqual(1)
    const rows = await rt().db.fileUpload.findMany({ where: { id: { in: [old.fileId, fresh.fileId] } } })
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [old.fileId]: 'ABORTED',
      [fresh.fileId]: 'PENDING',
    })
    expect(await codeOf(asMod.files.complete({ fileId: old.fileId, parts: [] }))).toBe('FILE007')
    expect((await cleanupAbandonedUploads(rt(), new Date(Date.now() - 24 * 3600_000))).aborted).toBe(0)
  })

  it('sets avatars and travel covers from own images; covers follow travel access', async () => {
    const s = await fx().setup()
    const asHost = await s.as(s.host)
    const asPart = await s.as(s.part)
    const png = await makePng(200, 100)
    const avatar = await uploadFile(asPart, { name: 'me.png', mimeType: 'image/png', body: png })
    const doc = await uploadFile(asPart, {
      name: 'cv.txt',
      mimeType: 'text/plain',
      body: Buffer.from('hello\n'),
    })
    expect(await codeOf(asPart.files.setAvatar({ fileId: doc.fileId }))).toBe('FILE002')
    expect((await asPart.files.setAvatar({ fileId: avatar.fileId })).avatar?.fileId).toBe(avatar.fileId)
    // An avatar is visible to any signed-in user.
    const seen = await (await s.as(s.outsider)).files.downloadUrl({ fileId: avatar.fileId })
    expect((await download(seen.url)).status).toBe(200)

    const cover = await uploadFile(asHost, { name: 'cover.png', mimeType: 'image/png', body: png })
    expect(await codeOf(asPart.files.setTravelCover({ travelId: s.travel.id, fileId: avatar.fileId }))).toBe(
      'TRV009',
    )
    expect(await codeOf(asHost.files.setTravelCover({ travelId: s.travel.id, fileId: avatar.fileId }))).toBe(
      'FILE006',
    )
    await asHost.files.setTravelCover({ travelId: s.travel.id, fileId: cover.fileId })
    expect((await asPart.files.downloadUrl({ fileId: cover.fileId })).url).toBeTruthy()
    expect(await codeOf((await s.as(s.outsider)).files.downloadUrl({ fileId: cover.fileId }))).toBe('TRV002')
  })
})
