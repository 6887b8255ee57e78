// What a real client does with an initiated upload: PUT the bytes (or each 5 MB part) to the presigned
// URLs, collect the ETags, then complete. Used by the files integration tests over both backends.
import type { InitiatedUpload } from '@connecto/shared'
import sharp from 'sharp'
import type { callerFor } from '../../../test/harness.ts'

type Caller = Awaited<ReturnType<typeof callerFor>>

export async function putBytes(url: string, body: Buffer, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'PUT', body: new Uint8Array(body), headers })
}

/** Sends the bytes where the initiate answer says; returns the parts to complete with. */
export async function sendBytes(initiated: InitiatedUpload, body: Buffer) {
  const { upload } = initiated
  if (upload.mode === 'single') {
    const res = await putBytes(upload.url, body, upload.headers)
    if (!res.ok) throw new Error(`PUT failed: ${res.status} ${await res.text()}`)
    return undefined
  }
  return Promise.all(
    upload.parts.map(async ({ partNumber, url }) => {
      const chunk = body.subarray((partNumber - 1) * upload.partSize, partNumber * upload.partSize)
      const res = await putBytes(url, chunk)
      if (!res.ok) throw new Error(`part ${partNumber} failed: ${res.status} ${await res.text()}`)
      return { partNumber, etag: res.headers.get('etag') ?? '' }
    }),
  )
}

export async function uploadFile(caller: Caller, file: { name: string; mimeType: string; body: Buffer }) {
  const initiated = await caller.files.initiate({
    fileName: file.name,
    size: file.body.length,
    mimeType: file.mimeType,
  })
  const parts = await sendBytes(initiated, file.body)
  return caller.files.complete({ fileId: initiated.fileId, parts })
}

export const makePng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } } })
    .png()
    .toBuffer()

/** A minimal ISO-BMFF header (what file-type reads as video/mp4), padded to `size` bytes. */
export function makeMp4(size: number) {
  const body = Buffer.alloc(size)
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypisom'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2mp41'),
  ])
  ftyp.copy(body)
  for (let i = ftyp.length; i < size; i++) body[i] = i % 251
  return body
}

/** A Windows executable header: what a ".jpg" from an attacker may really be. */
export function makeExecutable(size = 4096) {
  const body = Buffer.alloc(size, 0x90)
  Buffer.from('MZ').copy(body)
  return body
}

/** Polls until processing has finished (READY), as a client showing a spinner would. */
export async function waitUntilProcessed(caller: Caller, fileId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const view = await caller.files.get({ fileId })
    if (view.status === 'READY') return view
    if (Date.now() > deadline) throw new Error(`file ${fileId} still ${view.status} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
