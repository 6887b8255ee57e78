// Turns a bus subscription into an async iterator that buffers until read and ends on abort.
import type { Bus } from './bus.ts'

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

  async function* iterate(): AsyncGenerator<T> {
    try {
      while (!done) {
        if (buffer.length === 0) await new Promise<void>((resolve) => (wake = resolve))
        wake = null
        while (buffer.length > 0 && !done) yield buffer.shift() as T
      }
    } finally {
      stop()
    }
  }
  return { events: iterate(), stop }
}
