// Gathers the new messages of every planet in this process so a burst costs one fan-out job, not one per
// message or per planet: the batch goes out `flushMs` after its first message, at once when it is full,
// and on close. Adding a message is an array push; the send path never waits for a flush.

/** The most message ids one fan-out job carries: a bigger batch holds the event loop longer in one go. */
export const MAX_BATCH_SIZE = 200

type Batch = {
  ids: string[]
  timer: ReturnType<typeof setTimeout>
  done: Promise<void>
  resolve: () => void
}

export type MessageBatcherOptions = {
  flushMs: number
  maxSize?: number
  /** Hands one batch on (one enqueue); must not throw: failures are the sender's to log. */
  send: (messageIds: string[]) => Promise<void>
}

export class MessageBatcher {
  #pending: Batch | null = null
  readonly #sending = new Set<Promise<void>>()
  readonly #opts: MessageBatcherOptions

  constructor(opts: MessageBatcherOptions) {
    this.#opts = opts
  }

  /** Resolves once the batch holding this message was handed on (callers on the send path do not wait). */
  add(messageId: string): Promise<void> {
    let batch = this.#pending
    if (!batch) {
      let resolve = () => {}
      const done = new Promise<void>((r) => {
        resolve = r
      })
      batch = { ids: [], timer: setTimeout(() => this.#flush(), this.#opts.flushMs), done, resolve }
      this.#pending = batch
    }
    batch.ids.push(messageId)
    if (batch.ids.length >= (this.#opts.maxSize ?? MAX_BATCH_SIZE)) this.#flush()
    return batch.done
  }

  /** Hands on the pending batch now and waits for all hand-overs still under way. */
  async flush() {
    this.#flush()
    await Promise.all(this.#sending)
  }

  #flush() {
    const batch = this.#pending
    if (!batch) return
    this.#pending = null
    clearTimeout(batch.timer)
    const sending = this.#opts
      .send(batch.ids)
      .catch(() => {})
      .then(() => {
        this.#sending.delete(sending)
        batch.resolve()
      })
    this.#sending.add(sending)
  }
}
