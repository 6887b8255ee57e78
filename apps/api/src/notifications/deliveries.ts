// Per-channel delivery records: status, attempts and the last error, one row per notification and channel.
import type { Tx } from '@connecto/db'
import type { NotificationChannel } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'

export const MAX_DELIVERY_ATTEMPTS = 3

/** Serializes transactions on one key (held until commit), across workers and nodes. */
export async function lockKey(tx: Tx, key: string) {
  await tx.$queryRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))) AS locked`
}

export function markDelivery(
  rt: Runtime,
  notificationId: string,
  channel: NotificationChannel,
  data: {
    status?: 'PENDING' | 'SENT' | 'FAILED' | 'SKIPPED'
    lastError?: string | null
    sentAt?: Date
    deferredUntil?: Date | null
    attempts?: { increment: number }
  },
) {
  return rt.db.notificationDelivery.update({
    where: { notificationId_channel: { notificationId, channel } },
    data,
  })
}
