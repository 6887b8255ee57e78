// One process, one port: tRPC over HTTP (batching) at /trpc, tRPC over WebSocket on the same path,
// /health, /health/detailed and /metrics. Shutdown drains sockets and finishes in-flight requests.
// Every WebSocket is held to the limits in ws-limits.ts (origins, payload, sockets per user, subscriptions
// per socket, unsent backlog) and to keep-alive pings.
import http from 'node:http'
import { TRPCError } from '@trpc/server'
import { createHTTPHandler } from '@trpc/server/adapters/standalone'
import { applyWSSHandler } from '@trpc/server/adapters/ws'
import { WebSocketServer } from 'ws'
import { AppError } from './errors/app-error.ts'
import { handleLocalFileRequest, LOCAL_FILE_ROUTE } from './files/local-file-route.ts'
import { detailedHealth } from './health/health.ts'
import { appRouter } from './router.ts'
import type { Runtime } from './runtime.ts'
import { createContext } from './trpc/context.ts'
import { wsEncoder } from './trpc/shared-serialization.ts'
import {
  guardSocket,
  originAllowed,
  refuseUpgrade,
  SocketsPerUser,
  urlCarriesToken,
  WS_CLOSE,
} from './ws-limits.ts'

export type ServerOptions = { embeddedDatabase?: boolean }

function applyCors(rt: Runtime, req: http.IncomingMessage, res: http.ServerResponse) {
  const origin = req.headers.origin
  const allowed = rt.config.corsOrigins.length === 0 || (origin && rt.config.corsOrigins.includes(origin))
  if (origin && allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, trpc-accept, x-trpc-source')
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS')
    // Direct uploads read each part's ETag from the response to complete a multipart upload.
    res.setHeader('Access-Control-Expose-Headers', 'ETag')
  }
}

export function createApiServer(rt: Runtime, options: ServerOptions = {}) {
  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req }) => createContext(rt, req),
  })

  const server = http.createServer(async (req, res) => {
    const started = performance.now()
    const url = req.url ?? '/'
    const route = url.startsWith('/trpc') ? 'trpc' : (url.split('?')[0] ?? '/')
    res.once('finish', () => {
      rt.metrics.httpRequests.observe(
        { route, status: String(res.statusCode) },
        (performance.now() - started) / 1000,
      )
    })
    applyCors(rt, req, res)
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    if (url.startsWith('/trpc')) return trpcHandler(req, res)
    if (url.startsWith(`${LOCAL_FILE_ROUTE}?`)) return handleLocalFileRequest(rt, req, res)
    if (url === '/health') return json(res, 200, { status: 'ok' })
    if (url === '/health/detailed') {
      const health = await detailedHealth(rt, { database: !!options.embeddedDatabase })
      return json(res, health.status === 'ok' ? 200 : 503, health)
    }
    if (url === '/metrics') {
      rt.metrics.wsConnections.set(rt.live.size)
      res.writeHead(200, { 'content-type': rt.metrics.registry.contentType })
      return void res.end(await rt.metrics.registry.metrics())
    }
    json(res, 404, { error: 'not found' })
  })

  const limits = rt.config.ws
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes })
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/trpc')) return void socket.destroy()
    if (urlCarriesToken(req.url)) return refuseUpgrade(socket, 400, 'send the token in connectionParams')
    if (!originAllowed(req.headers.origin, limits.allowedOrigins)) {
      return refuseUpgrade(socket, 403, 'origin not allowed')
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      guardSocket(ws, appRouter, limits, (bufferedAmount) =>
        rt.logger.warn({ bufferedAmount }, 'closing a WebSocket that stopped reading'),
      )
      wss.emit('connection', ws, req)
    })
  })
  const socketsPerUser = new SocketsPerUser(limits.maxSocketsPerUser)
  const wssHandler = applyWSSHandler({
    wss,
    router: appRouter,
    // Ping after pingMs of quiet; a socket that does not answer within pongWaitMs is dropped.
    keepAlive: { enabled: true, pingMs: limits.pingMs, pongWaitMs: limits.pongWaitMs },
    // A planet event's JSON is made once per node, not once per subscriber (shared-serialization.ts).
    experimental_encoder: wsEncoder,
    createContext: async ({ req, res, info }) => {
      const ctx = { ...(await createContext(rt, req, info.connectionParams)), socket: res }
      // An expired or forged token refuses the connection itself, with the code the client can act on.
      if (ctx.authError) throw new TRPCError({ code: 'UNAUTHORIZED', cause: new AppError(ctx.authError) })
      if (ctx.claims) {
        const { userId } = ctx.claims
        if (!socketsPerUser.admit(userId, res)) {
          res.close(WS_CLOSE.tooManySockets.code, WS_CLOSE.tooManySockets.reason)
          throw new TRPCError({ code: 'TOO_MANY_REQUESTS', cause: new AppError('RT004') })
        }
        rt.live.add(userId, res)
        // Presence counts open sockets; a socket that closed while the context was being built never counts.
        if (res.readyState === res.OPEN) {
          rt.presence.connect(userId)
          res.once('close', () => rt.presence.disconnect(userId))
        }
      }
      return ctx
    },
  })

  return {
    server,
    listen(port: number, host?: string) {
      return new Promise<number>((resolve) => {
        server.listen(port, host, () => {
          const address = server.address()
          resolve(typeof address === 'object' && address ? address.port : port)
        })
      })
    },
    /** Tells clients to reconnect elsewhere, stops accepting, waits for in-flight requests. */
    async close() {
      wssHandler.broadcastReconnectNotification()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      for (const client of wss.clients) client.close(1001, 'server shutting down')
      wss.close()
      await closed
    },
  }
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}
