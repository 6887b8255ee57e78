// Files sent with messages through messages.send: the message type follows the files, the view carries
// them (live event, history), retries stay idempotent, and a deleted message no longer serves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'
import { startFilesTestApi } from './test/files-api.ts'
import { makePng, sendBytes, uploadFile } from './test/upload-client.ts'

let api: Awaited<ReturnType<typeof startFilesTestApi>>
beforeAll(async () => {
  api = await startFilesTestApi()
})
afterAll(() => api.close())
let n = 0
const clientId = () => `attach-${++n}-${Date.now()}`
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1000, 0x20)])

describe('messages.send with attachments', () => {
  it('sends images with a caption as an IMAGE message that history shows too; a retry returns it', async () => {
    const s = await travelFixtures(api.rt).setup()
    const asPart = await s.as(s.part)
    const png = await makePng(300, 200)
    const a = await uploadFile(asPart, { name: 'one.png', mimeType: 'image/png', body: png })
    const b = await uploadFile(asPart, { name: 'two.png', mimeType: 'image/png', body: png })
    const input = {
      planetId: s.planets[0]!.id,
      clientMessageId: clientId(),
      attachments: { fileIds: [b.fileId, a.fileId], caption: 'Sunset at the pier' },
    }
    const sent = await asPart.messages.send(input)
    expect(sent).toMatchObject({ type: 'IMAGE', content: 'Sunset at the pier' })
    expect(sent.attachments.map((f) => [f.fileId, f.name, f.mimeType, f.size])).toEqual([
      [b.fileId, 'two.png', 'image/png', png.length],
      [a.fileId, 'one.png', 'image/png', png.length],
    ])
    expect(await asPart.messages.send(input)).toEqual(sent)

    const asHost = await s.as(s.host)
    const listed = (await asHost.messages.list({ planetId: s.planets[0]!.id })).items.find(
      (m) => m.id === sent.id,
    )
    expect(listed?.attachments.map((f) => f.fileId)).toEqual([b.fileId, a.fileId])
    expect((await asHost.files.downloadUrl({ fileId: a.fileId })).url).toContain('/files/object?token=')
  })

  it('makes mixed files a FILE message and refuses files that are not the sender’s to send', async () => {
    const s = await travelFixtures(api.rt).setup()
    const asPart = await s.as(s.part)
    const asHost = await s.as(s.host)
    const planetId = s.planets[0]!.id
    const doc = await uploadFile(asPart, { name: 'plan.pdf', mimeType: 'application/pdf', body: pdf })
    const img = await uploadFile(asPart, {
      name: 'map.png',
      mimeType: 'image/png',
      body: await makePng(20, 20),
    })
    const mixed = await asPart.messages.send({
      planetId,
      clientMessageId: clientId(),
      attachments: { fileIds: [doc.fileId, img.fileId] },
    })
    expect(mixed).toMatchObject({ type: 'FILE', content: null })

    const send = (fileIds: string[], caller = asPart) =>
      caller.messages.send({ planetId, clientMessageId: clientId(), attachments: { fileIds } })
    // Already on a message.
    expect(await codeOf(send([doc.fileId]))).toBe('FILE007')
    // Someone else's upload.
    const hostFile = await uploadFile(asHost, { name: 'h.pdf', mimeType: 'application/pdf', body: pdf })
    expect(await codeOf(send([hostFile.fileId]))).toBe('FILE006')
    // Still uploading.
    const pending = await asPart.files.initiate({
      fileName: 'p.pdf',
      size: pdf.length,
      mimeType: 'application/pdf',
    })
    await sendBytes(pending, pdf)
    expect(await codeOf(send([pending.fileId]))).toBe('FILE007')
    expect(await api.rt.db.message.count({ where: { planetId, senderId: s.part.id } })).toBe(1)
  })

  it('stops serving the files of a deleted message', async () => {
    const s = await travelFixtures(api.rt).setup()
    const asPart = await s.as(s.part)
    const doc = await uploadFile(asPart, { name: 'plan.pdf', mimeType: 'application/pdf', body: pdf })
    const sent = await asPart.messages.send({
      planetId: s.planets[0]!.id,
      clientMessageId: clientId(),
      attachments: { fileIds: [doc.fileId] },
    })
    const asHost = await s.as(s.host)
    await asHost.files.downloadUrl({ fileId: doc.fileId })
    const deleted = await asPart.messages.delete({ messageId: sent.id })
    expect(deleted.attachments).toEqual([])
    expect(await codeOf(asHost.files.downloadUrl({ fileId: doc.fileId }))).toBe('FILE006')
  })
})
