// Where queued sends survive an app restart: memory by default, localStorage in browsers, anything
// with the same two methods on mobile (AsyncStorage, MMKV, SQLite).
import type { QueuedSend } from './outbox.ts'

export type OutboxStorage = {
  load(): QueuedSend[] | Promise<QueuedSend[]>
  save(items: QueuedSend[]): void | Promise<void>
}

export function memoryOutboxStorage(): OutboxStorage {
  let items: QueuedSend[] = []
  return {
    load: () => items.slice(),
    save: (next) => {
      items = next.slice()
    },
  }
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export function localStorageOutboxStorage(
  key = 'connecto.outbox',
  storage: StorageLike = globalThis.localStorage,
): OutboxStorage {
  return {
    load() {
      const raw = storage.getItem(key)
      if (!raw) return []
      try {
        const parsed = JSON.parse(raw) as unknown
        return Array.isArray(parsed) ? (parsed as QueuedSend[]) : []
      } catch {
        return []
      }
    },
    save(items) {
      if (items.length === 0) storage.removeItem(key)
      else storage.setItem(key, JSON.stringify(items))
    },
  }
}
