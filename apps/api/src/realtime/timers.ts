// Named one-shot timers that a newer schedule under the same name replaces; all cleared on close.
export class KeyedTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>()

  schedule(key: string, ms: number, run: () => Promise<unknown>, onError: (err: unknown) => void) {
    this.cancel(key)
    const timer = setTimeout(() => {
      this.timers.delete(key)
      run().catch(onError)
    }, ms)
    timer.unref()
    this.timers.set(key, timer)
  }

  cancel(key: string) {
    const timer = this.timers.get(key)
    if (timer) clearTimeout(timer)
    this.timers.delete(key)
  }

  close() {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
