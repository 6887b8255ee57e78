// Open WebSocket connections by user, so a platform ban can close a user's live connections at once.
import type { WebSocket } from 'ws'

export class LiveConnections {
  private readonly byUser = new Map<string, Set<WebSocket>>()

  add(userId: string, socket: WebSocket) {
    const set = this.byUser.get(userId) ?? new Set<WebSocket>()
    this.byUser.set(userId, set)
    set.add(socket)
    socket.once('close', () => {
      set.delete(socket)
      if (set.size === 0) this.byUser.delete(userId)
    })
  }

  closeUser(userId: string, reason: string) {
    for (const socket of this.byUser.get(userId) ?? []) socket.close(4403, reason)
  }

  get size() {
    let n = 0
    for (const set of this.byUser.values()) n += set.size
    return n
  }

  /** Distinct users holding at least one socket on this node. */
  get userCount() {
    return this.byUser.size
  }
}
