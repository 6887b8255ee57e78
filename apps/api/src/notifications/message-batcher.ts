// Gathers the new messages of each planet in this process so a burst costs one fan-out job, not one per
// message: a planet's batch goes out `flushMs` after its first message, at once when it is full, and
// on close. Adding a message is a Map lookup and an array push; the send path never waits for a flush.
import type { Runtime } from '../runtime.ts'

export const MAX_BATCH_SIZE = 100

type Batch = {
  ids: string[]
  timer: ReturnType<typeof setTimeout> | null
  done: Promise<void>
  resolve: () => void
}

export type MessageBatcherOptions = {
  flushMs: number
  maxSize?: number
  /** Hands one planet's batch on (one enqueue); must not throw: failures are the sender's to log. */
  send: (planetId: string, messageIds: string[]) => Promise<void>
}

export class MessageBatcher {
  readonly #pending = new Map<string, Batch>()
  readonly #sending = new Set<Promise<void>>()
  readonly #opts: MessageBatcherOptions

  constructor(opts: MessageBatcherOptions) {
    this.#opts = opts
  }

  /** Resolves once the batch holding this message was handed on (callers on the send path do not wait). */
  add(planetId: string, messageId: string): Promise<void> {
    let batch = this.#pending.get(planetId)
    if (!batch) {
      let resolve = () => {}
      const done = new Promise<void>((r) => {
        resolve = r
      })
      batch = { ids: [], timer: null, done, resolve }
      batch.timer = setTimeout(() => this.#flush(planetId), this.#opts.flushMs)
      this.#pending.set(planetId, batch)
    }
    batch.ids.push(messageId)
    if (batch.ids.length >= (this.#opts.maxSize ?? MAX_BATCH_SIZE)) this.#flush(planetId)
    return batch.done
  }

  /** Hands on every pending batch now and waits for all hand-overs still under way. */
  async flush() {
    for (const planetId of [...this.#pending.keys()]) this.#flush(planetId)
    await Promise.all(this.#sending)
  }

  #flush(planetId: string) {
    const batch = this.#pending.get(planetId)
    if (!batch) return
    this.#pending.delete(planetId)
    if (batch.timer) clearTimeout(batch.timer)
    const sending = this.#opts
      .send(planetId, batch.ids)
      .catch(() => {})
      .then(() => {
        this.#sending.delete(sending)
        batch.resolve()
      })
    this.#sending.add(sending)
  }
}

const batchers = new WeakMap<Runtime, MessageBatcher>()

export function messageBatcherOf(rt: Runtime, create: () => MessageBatcher) {
  let batcher = batchers.get(rt)
  if (!batcher) {
    batcher = create()
    batchers.set(rt, batcher)
  }
  return batcher
}

/** Called by the runtime's close() before the job queues close, so no gathered message is lost. */
export async function flushMessageBatches(rt: Runtime) {
  await batchers.get(rt)?.flush()
}
