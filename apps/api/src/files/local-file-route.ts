// The small HTTP route behind the local-folder backend's signed links: PUT receives an upload or a part
// (size cap enforced while streaming), GET serves a download. Every permission comes from the signed link.
import type http from 'node:http'
import { pipeline } from 'node:stream/promises'
import type { Runtime } from '../runtime.ts'
import { isLocalStorage } from './storage/local-storage.ts'
import { contentDisposition } from './storage/object-storage.ts'

export const LOCAL_FILE_ROUTE = '/files/object'

export async function handleLocalFileRequest(
  rt: Runtime,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const storage = rt.storage
  if (!isLocalStorage(storage)) return reply(res, 404, 'not found')
  const token = new URL(req.url ?? '/', 'http://local').searchParams.get('token') ?? ''
  const link = storage.verify(token, rt.clock.now())
  if (!link) return reply(res, 403, 'FILE008')

  if (req.method === 'PUT' && (link.op === 'put' || link.op === 'part')) {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > link.maxBytes) return reply(res, 413, 'FILE001', true)
    const result = await storage.receive(link, req)
    if (result.ok) {
      res.writeHead(200, { etag: result.etag, 'access-control-expose-headers': 'ETag' })
      return void res.end()
    }
    return result.reason === 'too-large' ? reply(res, 413, 'FILE001', true) : reply(res, 404, 'FILE006')
  }

  if ((req.method === 'GET' || req.method === 'HEAD') && link.op === 'get') {
    const head = await storage.headObject(link.key)
    if (!head) return reply(res, 404, 'FILE006')
    res.writeHead(200, {
      'content-type': link.contentType,
      'content-length': String(head.size),
      'content-disposition': contentDisposition(link.fileName),
      'cache-control': 'private, max-age=300',
      'x-content-type-options': 'nosniff',
    })
    if (req.method === 'HEAD') return void res.end()
    return pipeline(await storage.openReadStream(link.key), res).catch((err) => {
      rt.logger.warn({ err }, 'file download interrupted')
    })
  }
  return reply(res, 405, 'method not allowed')
}

function reply(res: http.ServerResponse, status: number, code: string, closeConnection = false) {
  // An oversized upload is refused without reading the rest of it, so the connection cannot be reused.
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(closeConnection ? { connection: 'close' } : {}),
  })
  res.end(JSON.stringify({ error: code }))
}
