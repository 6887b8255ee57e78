// The event bus between the services that change state and the subscriptions that stream it.
// Two implementations behind this one type: in-process (one node) and Redis pub/sub (many nodes).
// Messages are plain JSON data (dates as ISO strings); subscribers get a parsed copy of its JSON text.
export type BusHandler = (message: unknown) => void

export type Bus = {
  readonly kind: 'memory' | 'redis'
  publish(channel: string, message: unknown): Promise<void>
  /** Resolves once the subscription is live; call the returned function to stop. */
  subscribe(channel: string, handler: BusHandler): Promise<() => void>
  ping(): Promise<number>
  close(): Promise<void>
}

/** Subscribers per channel, shared by both implementations. */
export class HandlerTable {
  private readonly table = new Map<string, Set<BusHandler>>()

  /** Returns true when this is the channel's first handler. */
  add(channel: string, handler: BusHandler) {
    const existing = this.table.get(channel)
    if (existing) {
      existing.add(handler)
      return false
    }
    this.table.set(channel, new Set([handler]))
    return true
  }

  /** Returns true when the channel has no handlers left. */
  remove(channel: string, handler: BusHandler) {
    const set = this.table.get(channel)
    if (!set) return false
    set.delete(handler)
    if (set.size > 0) return false
    this.table.delete(channel)
    return true
  }

  has(channel: string) {
    return this.table.has(channel)
  }

  dispatch(channel: string, message: unknown) {
    for (const handler of this.table.get(channel) ?? []) handler(message)
  }
}
