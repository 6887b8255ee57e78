import type { ErrorCode } from '@connecto/shared'
import { TRPCClientError } from '@trpc/client'
import { describe, expect, it, vi } from 'vitest'
import { createOutbox, type SendInput, type SentMessage } from './outbox.ts'
import { localStorageOutboxStorage, memoryOutboxStorage } from './outbox-storage.ts'

const appError = (code: ErrorCode, retryAfterSeconds?: number) =>
  new TRPCClientError(code, {
    result: {
      error: { message: code, code: -32600, data: { app: { code, message: code, retryAfterSeconds } } },
    },
  } as never)

const sent = (input: SendInput) =>
  ({ id: `m-${input.clientMessageId}`, content: input.content }) as unknown as SentMessage

/** A fake `messages.send`: fails each attempt of a clientMessageId with the queued errors first. */
function fakeServer(failures: Record<string, unknown[]> = {}) {
  const attempts: SendInput[] = []
  const send = vi.fn(async (input: SendInput) => {
    attempts.push(input)
    const queued = failures[input.clientMessageId]
    const next = queued?.shift()
    if (next) throw next
    return sent(input)
  })
  return { attempts, send }
}

let counter = 0
const ids = () => `cmid-${String(++counter).padStart(4, '0')}`

describe('outbox', () => {
  it('retries a failed send with the same clientMessageId until the server answers', async () => {
    const server = fakeServer({
      'cmid-a': [new Error('fetch failed'), appError('SYS005'), appError('MSG004', 0)],
    })
    const outbox = createOutbox({ send: server.send, retryDelayMs: () => 1 })
    const { clientMessageId, sent: result } = await outbox.enqueue({
      planetId: 'p1',
      clientMessageId: 'cmid-a',
      content: 'hi',
    })
    expect(clientMessageId).toBe('cmid-a')
    expect(await result).toMatchObject({ id: 'm-cmid-a' })
    expect(server.attempts.map((a) => a.clientMessageId)).toEqual(['cmid-a', 'cmid-a', 'cmid-a', 'cmid-a'])
    expect(outbox.pending()).toEqual([])
  })

  it('keeps each planet in order while a failing planet does not hold up another', async () => {
    const server = fakeServer({ 'cmid-p1-1': [new Error('down'), new Error('down')] })
    const delivered: string[] = []
    const outbox = createOutbox({
      send: server.send,
      retryDelayMs: () => 30,
      onSent: (item) => delivered.push(item.input.clientMessageId),
    })
    await outbox.enqueue({ planetId: 'p1', clientMessageId: 'cmid-p1-1', content: '1' })
    await outbox.enqueue({ planetId: 'p1', clientMessageId: 'cmid-p1-2', content: '2' })
    await outbox.enqueue({ planetId: 'p2', clientMessageId: 'cmid-p2-1', content: 'a' })
    await outbox.idle()
    expect(delivered).toEqual(['cmid-p2-1', 'cmid-p1-1', 'cmid-p1-2'])
    // p1's second message was never attempted before its first went through.
    const p1 = server.attempts.filter((a) => a.planetId === 'p1').map((a) => a.clientMessageId)
    expect(p1).toEqual(['cmid-p1-1', 'cmid-p1-1', 'cmid-p1-1', 'cmid-p1-2'])
  })

  it('drops only on a refusal about the message itself, and goes on with the next', async () => {
    const server = fakeServer({ 'cmid-bad': [appError('SYS001')] })
    const dropped = vi.fn()
    const outbox = createOutbox({ send: server.send, retryDelayMs: () => 1, onDropped: dropped })
    const bad = await outbox.enqueue({ planetId: 'p1', clientMessageId: 'cmid-bad', content: 'x' })
    const good = await outbox.enqueue({ planetId: 'p1', clientMessageId: 'cmid-ok', content: 'y' })
    await expect(bad.sent).rejects.toThrow('SYS001')
    expect(await good.sent).toMatchObject({ id: 'm-cmid-ok' })
    expect(dropped).toHaveBeenCalledTimes(1)
    expect(server.attempts.filter((a) => a.clientMessageId === 'cmid-bad')).toHaveLength(1)
  })

  it('waits out a rate limit for at least its retry-after, and retryNow cuts the wait short', async () => {
    const server = fakeServer({ 'cmid-rl': [appError('MSG004', 30)] })
    const outbox = createOutbox({ send: server.send, retryDelayMs: () => 1 })
    const { sent: result } = await outbox.enqueue({
      planetId: 'p1',
      clientMessageId: 'cmid-rl',
      content: 'x',
    })
    await new Promise((r) => setTimeout(r, 50))
    expect(server.attempts).toHaveLength(1)
    outbox.retryNow()
    expect(await result).toMatchObject({ id: 'm-cmid-rl' })
    outbox.close()
  })

  it('generates a clientMessageId when none is given', async () => {
    const server = fakeServer()
    const outbox = createOutbox({ send: server.send, newClientMessageId: ids })
    const { clientMessageId, sent: result } = await outbox.enqueue({ planetId: 'p1', content: 'x' })
    expect(clientMessageId).toMatch(/^cmid-\d{4}$/)
    expect(await result).toMatchObject({ id: `m-${clientMessageId}` })
  })

  it('survives a restart: what was queued is loaded and sent by the next outbox', async () => {
    const backing = new Map<string, string>()
    const fakeLocalStorage = {
      getItem: (k: string) => backing.get(k) ?? null,
      setItem: (k: string, v: string) => void backing.set(k, v),
      removeItem: (k: string) => void backing.delete(k),
    }
    const offline = createOutbox({
      send: async () => {
        throw new Error('offline')
      },
      retryDelayMs: () => 60_000,
      storage: localStorageOutboxStorage('outbox', fakeLocalStorage),
    })
    await offline.enqueue({ planetId: 'p1', clientMessageId: 'cmid-r1', content: '1' })
    await offline.enqueue({ planetId: 'p1', clientMessageId: 'cmid-r2', content: '2' })
    offline.close()
    expect(
      JSON.parse(backing.get('outbox')!).map((i: { input: SendInput }) => i.input.clientMessageId),
    ).toEqual(['cmid-r1', 'cmid-r2'])

    const server = fakeServer()
    const online = createOutbox({
      send: server.send,
      storage: localStorageOutboxStorage('outbox', fakeLocalStorage),
    })
    await online.idle()
    expect(server.attempts.map((a) => a.clientMessageId)).toEqual(['cmid-r1', 'cmid-r2'])
    expect(backing.has('outbox')).toBe(false)
  })

  it('memory storage hands out copies', async () => {
    const storage = memoryOutboxStorage()
    const items = [
      { input: { planetId: 'p', clientMessageId: 'cmid-m1' } as SendInput, queuedAt: 1, attempts: 0 },
    ]
    await storage.save(items)
    items.pop()
    expect(await storage.load()).toHaveLength(1)
  })
})
