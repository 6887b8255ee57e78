import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { initTRPC } from '@trpc/server'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { guardSocket, sendDataFrame, type WsLimits } from './ws-limits.ts'

const limits = { maxSubscriptionsPerSocket: 10, maxBufferedBytes: 1024 * 1024 } as WsLimits
const router = initTRPC.create().router({})

/** A guarded server socket and a client on the other end, with the server side's TCP writes counted. */
async function guardedPair() {
  const server = http.createServer()
  const wss = new WebSocketServer({ server })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
  const received: string[] = []
  client.on('message', (data) => received.push(data.toString()))
  await new Promise((resolve) => client.once('open', resolve))
  const socket = await accepted
  guardSocket(socket, router, limits, () => {})
  const tcp = (socket as unknown as { _socket: Record<string, (...a: unknown[]) => unknown> })._socket
  const writes = { count: 0 }
  for (const method of ['_write', '_writev']) {
    const original = tcp[method]!.bind(tcp)
    tcp[method] = (...args: unknown[]) => {
      writes.count++
      return original(...args)
    }
  }
  const close = async () => {
    client.close()
    wss.close()
    await new Promise((resolve) => server.close(resolve))
  }
  return { socket, received, writes, close }
}

describe('guarded socket writes', () => {
  let close: () => Promise<void> = async () => {}
  afterEach(() => close())

  it('sends every frame of one event-loop turn to a socket in one write, in order, as text', async () => {
    const pair = await guardedPair()
    close = pair.close
    pair.socket.send('{"id":1,"result":{"type":"data"}}')
    sendDataFrame(pair.socket, Buffer.from('{"id":2,"result":{"type":"data","data":"안녕"}}'))
    pair.socket.send('{"id":3}')
    expect(pair.writes.count).toBe(0)
    await new Promise((resolve) => setImmediate(resolve))
    expect(pair.writes.count).toBe(1)
    await expect.poll(() => pair.received.length).toBe(3)
    expect(pair.received).toEqual([
      '{"id":1,"result":{"type":"data"}}',
      '{"id":2,"result":{"type":"data","data":"안녕"}}',
      '{"id":3}',
    ])

    // A later turn's frame goes out on its own.
    pair.socket.send('{"id":4}')
    await new Promise((resolve) => setImmediate(resolve))
    expect(pair.writes.count).toBe(2)
    await expect.poll(() => pair.received.length).toBe(4)
  })
})
