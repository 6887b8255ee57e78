// The offline send queue: a message is queued with its clientMessageId before the first attempt and
// sent again with the same id until the server answers, so a retry after a lost answer never makes a
// duplicate (the api returns the stored message). Each planet's queue goes out strictly in order; one
// planet waiting out a failure does not hold up another. Only a refusal about the message itself
// (validation, access, …) drops it; network failures, rate limits and server faults are retried.
import type { AppRouter } from '@connecto/api'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { backoffDelay } from './backoff.ts'
import { appErrorOf, isRetryable } from './errors.ts'
import { memoryOutboxStorage, type OutboxStorage } from './outbox-storage.ts'

export type SendInput = inferRouterInputs<AppRouter>['messages']['send']
export type SentMessage = inferRouterOutputs<AppRouter>['messages']['send']
export type QueuedSend = { input: SendInput; queuedAt: number; attempts: number }

export type OutboxOptions = {
  send: (input: SendInput) => Promise<SentMessage>
  storage?: OutboxStorage
  /** Delay before retry `attempt` (0-based); a rate limit's retry-after wins when longer. */
  retryDelayMs?: (attempt: number) => number
  onSent?: (item: QueuedSend, message: SentMessage) => void
  onDropped?: (item: QueuedSend, error: unknown) => void
  newClientMessageId?: () => string
}

export type Outbox = ReturnType<typeof createOutbox>

export function createOutbox(opts: OutboxOptions) {
  const storage = opts.storage ?? memoryOutboxStorage()
  const retryDelay = opts.retryDelayMs ?? ((attempt: number) => backoffDelay(attempt, { baseMs: 1000 }))
  const newId = opts.newClientMessageId ?? (() => globalThis.crypto.randomUUID())
  let items: QueuedSend[] = []
  const draining = new Set<string>()
  const sleepers = new Set<() => void>()
  const waiters = new Map<string, { resolve: (m: SentMessage) => void; reject: (e: unknown) => void }>()
  let closed = false
  // Writes are chained so an older snapshot never lands after a newer one.
  let saving: Promise<void> = Promise.resolve()
  const persist = () => {
    const snapshot = items.slice()
    saving = saving.then(() => storage.save(snapshot))
    return saving
  }

  const loaded = (async () => {
    items = [...(await storage.load()), ...items]
    for (const planetId of new Set(items.map((i) => i.input.planetId))) kick(planetId)
  })()

  function kick(planetId: string) {
    if (closed || draining.has(planetId)) return
    draining.add(planetId)
    void drain(planetId).finally(() => draining.delete(planetId))
  }

  function sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      sleepers.add(wake)
    })
  }

  function settle(item: QueuedSend, outcome: { message: SentMessage } | { error: unknown }) {
    items = items.filter((i) => i !== item)
    const waiter = waiters.get(item.input.clientMessageId)
    waiters.delete(item.input.clientMessageId)
    if ('message' in outcome) {
      opts.onSent?.(item, outcome.message)
      waiter?.resolve(outcome.message)
    } else {
      opts.onDropped?.(item, outcome.error)
      waiter?.reject(outcome.error)
    }
    return persist()
  }

  async function drain(planetId: string) {
    while (!closed) {
      const head = items.find((i) => i.input.planetId === planetId)
      if (!head) return
      try {
        await settle(head, { message: await opts.send(head.input) })
      } catch (err) {
        if (closed) return
        if (!isRetryable(err)) {
          await settle(head, { error: err })
          continue
        }
        head.attempts += 1
        await persist()
        const retryAfterMs = (appErrorOf(err)?.retryAfterSeconds ?? 0) * 1000
        await sleep(Math.max(retryDelay(head.attempts - 1), retryAfterMs))
      }
    }
  }

  return {
    /**
     * Queues a message and starts sending it. Returns its clientMessageId at once (for the optimistic
     * bubble) and `sent`, which settles when the server stores it or refuses it for good.
     */
    async enqueue(input: Omit<SendInput, 'clientMessageId'> & { clientMessageId?: string }) {
      const item: QueuedSend = {
        input: { ...input, clientMessageId: input.clientMessageId ?? newId() } as SendInput,
        queuedAt: Date.now(),
        attempts: 0,
      }
      const sent = new Promise<SentMessage>((resolve, reject) =>
        waiters.set(item.input.clientMessageId, { resolve, reject }),
      )
      // Nobody may be awaiting `sent`; a drop is reported through onDropped as well.
      sent.catch(() => {})
      await loaded
      items.push(item)
      await persist()
      kick(item.input.planetId)
      return { clientMessageId: item.input.clientMessageId, sent }
    },
    /** What is still waiting, oldest first (optionally one planet's). */
    pending(planetId?: string) {
      return items.filter((i) => !planetId || i.input.planetId === planetId)
    },
    /** Retries now instead of waiting out the backoff (call it when the network or the socket is back). */
    retryNow() {
      for (const wake of [...sleepers]) wake()
    },
    /** Resolves once every queued message has been sent or dropped. */
    async idle() {
      await loaded
      while (items.length > 0 && !closed) await new Promise((r) => setTimeout(r, 20))
      await saving
    },
    close() {
      closed = true
      for (const wake of [...sleepers]) wake()
    },
  }
}
