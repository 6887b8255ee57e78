// Who is online: a user is online while they hold at least one open WebSocket on any node.
// Two implementations behind one type: in-process (one node, no Redis) and Redis (many nodes).
// Redis keeps a hash `presence:{userId}` with one field per node (value = that node's connection
// count); each node refreshes the key's TTL for the users it holds, so a crashed node's entries
// expire on their own. When a user's last connection on this node closes, `onOffline` runs.
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { Logger } from '../observability/logger.ts'
import { pipelineInChunks } from '../redis-chunks.ts'

export type PresenceStore = {
  readonly kind: 'memory' | 'redis'
  /** A WebSocket of this user opened on this node. */
  connect(userId: string): void
  /** A WebSocket of this user closed on this node. */
  disconnect(userId: string): void
  /** The subset of the given users that are online (on any node, for Redis). */
  isOnline(userIds: readonly string[]): Promise<Set<string>>
  /** Stops refreshing, removes this node's entries and waits for pending offline work. */
  close(): Promise<void>
}

export type PresenceOptions = {
  logger: Logger
  /** Called (fire-and-forget) when a user's last connection on this node closes. */
  onOffline?: (userId: string) => Promise<unknown>
}

export const PRESENCE_TTL_SECONDS = 90
export const PRESENCE_REFRESH_MS = 30_000
export const presenceKey = (userId: string) => `presence:${userId}`

/** Connection counts per user on this node, plus the offline hook and its pending work. */
class LocalCounts {
  readonly counts = new Map<string, number>()
  private readonly pending = new Set<Promise<unknown>>()
  closed = false

  constructor(private readonly opts: PresenceOptions) {}

  /** Returns the user's new count on this node. */
  increment(userId: string) {
    const n = (this.counts.get(userId) ?? 0) + 1
    this.counts.set(userId, n)
    return n
  }

  /** Returns the new count, or null when the user held no connection here. */
  decrement(userId: string) {
    const current = this.counts.get(userId)
    if (!current) return null
    const n = current - 1
    if (n === 0) {
      this.counts.delete(userId)
      this.wentOffline(userId)
    } else this.counts.set(userId, n)
    return n
  }

  private wentOffline(userId: string) {
    if (!this.opts.onOffline) return
    const p = this.opts
      .onOffline(userId)
      .catch((err) => this.opts.logger.error({ err, userId }, 'presence: offline update failed'))
      .finally(() => this.pending.delete(p))
    this.pending.add(p)
  }

  async drain() {
    await Promise.allSettled([...this.pending])
  }
}

export function createMemoryPresence(opts: PresenceOptions): PresenceStore {
  const local = new LocalCounts(opts)
  return {
    kind: 'memory',
    connect(userId) {
      if (!local.closed) local.increment(userId)
    },
    disconnect(userId) {
      if (!local.closed) local.decrement(userId)
    },
    async isOnline(userIds) {
      return new Set(userIds.filter((id) => (local.counts.get(id) ?? 0) > 0))
    },
    async close() {
      local.closed = true
      local.counts.clear()
      await local.drain()
    },
  }
}

export function createRedisPresence(
  redis: Redis,
  opts: PresenceOptions & { nodeId?: string; refreshMs?: number; ttlSeconds?: number },
): PresenceStore {
  const nodeId = opts.nodeId ?? randomUUID()
  const ttl = opts.ttlSeconds ?? PRESENCE_TTL_SECONDS
  const local = new LocalCounts(opts)
  const logError = (err: unknown) => opts.logger.error({ err }, 'presence: redis write failed')

  // Commands on one connection run in the order issued, so absolute counts never go stale.
  const write = (userId: string, count: number) => {
    const key = presenceKey(userId)
    const tx = redis.multi()
    if (count > 0) tx.hset(key, nodeId, count).expire(key, ttl)
    else tx.hdel(key, nodeId)
    tx.exec().catch(logError)
  }

  const refresh = () =>
    pipelineInChunks(redis, [...local.counts], (pipe, [userId, count]) =>
      pipe.hset(presenceKey(userId), nodeId, count).expire(presenceKey(userId), ttl),
    )
  const timer = setInterval(() => void refresh().catch(logError), opts.refreshMs ?? PRESENCE_REFRESH_MS)
  timer.unref()

  return {
    kind: 'redis',
    connect(userId) {
      if (local.closed) return
      write(userId, local.increment(userId))
    },
    disconnect(userId) {
      if (local.closed) return
      const n = local.decrement(userId)
      if (n !== null) write(userId, n)
    },
    async isOnline(userIds) {
      const ids = [...new Set(userIds)]
      if (ids.length === 0) return new Set()
      const pipe = redis.pipeline()
      for (const id of ids) pipe.hvals(presenceKey(id))
      const results = (await pipe.exec()) ?? []
      const online = new Set<string>()
      results.forEach(([err, values], i) => {
        if (err) throw err
        if ((values as string[]).some((v) => Number(v) > 0)) online.add(ids[i] as string)
      })
      return online
    },
    async close() {
      clearInterval(timer)
      local.closed = true
      if (local.counts.size > 0) {
        const pipe = redis.pipeline()
        for (const userId of local.counts.keys()) pipe.hdel(presenceKey(userId), nodeId)
        await pipe.exec().catch(logError)
      }
      local.counts.clear()
      await local.drain()
    },
  }
}
