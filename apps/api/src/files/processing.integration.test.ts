// processUpload on rows set up directly: it runs once per completed file, and bytes sharp cannot decode
// end in "no preview" rather than a failed file.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { processUpload } from './processing.ts'
import { makePng } from './test/upload-client.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'connecto-processing-'))
  t = await createTestRuntime({ env: { DATA_DIR: dir } })
})
afterAll(async () => {
  await t.close()
  await rm(dir, { recursive: true, force: true })
})

async function storedUpload(body: Buffer, mimeType: string) {
  const owner = await seedUser(t.rt.db)
  const storageKey = `uploads/${owner.id}/${Math.random().toString(36).slice(2)}`
  await t.rt.storage.putObject(storageKey, body, mimeType)
  return t.rt.db.fileUpload.create({
    data: { ownerId: owner.id, storageKey, fileName: 'x', mimeType, size: body.length, status: 'UPLOADED' },
  })
}

describe('processUpload', () => {
  it('makes previews once; a second run changes nothing', async () => {
    const file = await storedUpload(await makePng(2000, 1000), 'image/png')
    await processUpload(t.rt, file.id)
    const done = await t.rt.db.fileUpload.findUniqueOrThrow({ where: { id: file.id } })
    expect(done).toMatchObject({ status: 'READY', width: 2000, height: 1000 })
    const variants = done.variants as { displayKey: string; thumbnailKey: string }
    expect(await t.rt.storage.headObject(variants.displayKey)).not.toBeNull()
    await t.rt.storage.deleteObject(variants.displayKey)
    await processUpload(t.rt, file.id)
    expect(await t.rt.storage.headObject(variants.displayKey)).toBeNull()
  })

  it('marks an image sharp cannot decode as "no preview"', async () => {
    const file = await storedUpload(Buffer.from('\x89PNG\r\n\x1a\n-not-really-a-png'), 'image/png')
    await processUpload(t.rt, file.id)
    expect(await t.rt.db.fileUpload.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
      status: 'READY',
      width: null,
      variants: { noPreview: true },
    })
  })

  it('does nothing for a file that has not completed', async () => {
    const file = await storedUpload(await makePng(10, 10), 'image/png')
    await t.rt.db.fileUpload.update({ where: { id: file.id }, data: { status: 'PENDING' } })
    await processUpload(t.rt, file.id)
    expect((await t.rt.db.fileUpload.findUniqueOrThrow({ where: { id: file.id } })).status).toBe('PENDING')
  })
})
