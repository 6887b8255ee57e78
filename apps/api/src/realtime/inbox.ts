// An unbounded async queue several producers push into and one consumer drains in order; it ends on
// abort or `end()`, and a producer's failure is rethrown to the consumer.
export class Inbox<T> {
  private readonly items: T[] = []
  private wake: (() => void) | null = null
  private done = false
  private failure: { err: unknown } | null = null

  constructor(signal?: AbortSignal) {
    signal?.addEventListener('abort', () => this.end(), { once: true })
    if (signal?.aborted) this.done = true
  }

  push(item: T) {
    if (this.done) return
    this.items.push(item)
    this.wake?.()
  }

  end() {
    this.done = true
    this.wake?.()
  }

  fail(err: unknown) {
    this.failure ??= { err }
    this.end()
  }

  async *drain(): AsyncGenerator<T> {
    for (;;) {
      while (this.items.length > 0) {
        if (this.failure) throw this.failure.err
        if (this.done) return
        yield this.items.shift() as T
      }
      if (this.failure) throw this.failure.err
      if (this.done) return
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = null
    }
  }
}
