// Uploading one file the way the api hands it out: reserve (files.initiate), PUT the bytes straight to
// storage (one request, or 5 MB parts whose ETags complete a multipart upload), then files.complete.
// XMLHttpRequest rather than fetch, for upload progress.
import type { ConnectoClient } from '@connecto/client'

type Progress = (sentBytes: number) => void

/** Why storage did not take the bytes; the UI words it from `reason` (files.refused / failed / unconfirmed). */
export class UploadError extends Error {
  constructor(
    readonly reason: 'refused' | 'failed' | 'unconfirmed',
    readonly status?: number,
  ) {
    super(`upload ${reason}${status ? ` (${status})` : ''}`)
    this.name = 'UploadError'
  }
}

function put(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  signal: AbortSignal,
  onProgress: Progress,
) {
  return new Promise<string | null>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => onProgress(event.loaded)
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.getResponseHeader('etag'))
        : reject(new UploadError('refused', xhr.status))
    xhr.onerror = () => reject(new UploadError('failed'))
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'))
    signal.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(body)
  })
}

/** Uploads `file` and returns its file id; `onProgress` gets 0…1. Aborting also releases the reservation. */
export async function uploadFile(
  client: ConnectoClient,
  file: File,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (fraction: number) => void },
): Promise<string> {
  const started = await client.files.initiate.mutate({
    fileName: file.name,
    size: file.size,
    mimeType: file.type || 'application/octet-stream',
  })
  try {
    const { upload } = started
    if (upload.mode === 'single') {
      await put(upload.url, file, upload.headers, signal, (sent) => onProgress(sent / file.size))
      await client.files.complete.mutate({ fileId: started.fileId })
    } else {
      const parts: { partNumber: number; etag: string }[] = []
      for (const part of upload.parts) {
        const offset = (part.partNumber - 1) * upload.partSize
        const etag = await put(part.url, file.slice(offset, offset + upload.partSize), {}, signal, (sent) =>
          onProgress((offset + sent) / file.size),
        )
        if (!etag) throw new UploadError('unconfirmed')
        parts.push({ partNumber: part.partNumber, etag })
      }
      await client.files.complete.mutate({ fileId: started.fileId, parts })
    }
    onProgress(1)
    return started.fileId
  } catch (error) {
    await client.files.abort.mutate({ fileId: started.fileId }).catch(() => undefined)
    throw error
  }
}
