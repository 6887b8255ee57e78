// The moderation trail: every staff action writes one AuditLog row inside the transaction that made it,
// so the log never records an action that rolled back nor misses one that committed.
import type { Prisma, Tx } from '@connecto/db'

export type AuditEntry = {
  /** null when the system acted on its own (a timed ban running out). */
  actorId: string | null
  /** Dotted, past tense: 'travel.member.removed'. */
  action: string
  targetType: 'travel' | 'user' | 'planet' | 'message' | 'report'
  targetId: string
  details?: Prisma.InputJsonObject
}

export function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({ data: entry })
}
