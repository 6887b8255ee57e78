// Turns a bus subscription into an async iterator that buffers until read and ends on abort.
import type { Bus } from './bus.ts'

/** What `take` resolves to when nothing arrived in time, or once the subscription has ended. */
export const TIMED_OUT = Symbol('timed out')
export const ENDED = Symbol('ended')

export async function subscribeToChannel<T>(bus: Bus, channel: string, signal: AbortSignal | undefined) {
  const buffer: T[] = []
  let wake: (() => void) | null = null
  let done = false
  const unsubscribe = await bus.subscribe(channel, (message) => {
    buffer.push(message as T)
    wake?.()
  })
  const stop = () => {
    done = true
    unsubscribe()
    wake?.()
  }
  signal?.addEventListener('abort', stop, { once: true })

  /** The next message; waits at most `ms` when given. One reader at a time. */
  async function take(ms?: number): Promise<T | typeof TIMED_OUT | typeof ENDED> {
    if (buffer.length === 0 && !done) {
      let timer: NodeJS.Timeout | undefined
      await new Promise<void>((resolve) => {
        wake = resolve
        if (ms !== undefined) timer = setTimeout(resolve, ms)
      })
      clearTimeout(timer)
      wake = null
    }
    if (done) return ENDED
    return buffer.length > 0 ? (buffer.shift() as T) : TIMED_OUT
  }

  async function* iterate(): AsyncGenerator<T> {
    try {
      for (;;) {
        const next = await take()
        if (next === ENDED) return
        if (next !== TIMED_OUT) yield next
      }
    } finally {
      stop()
    }
  }
  return { events: iterate(), take, stop }
}
