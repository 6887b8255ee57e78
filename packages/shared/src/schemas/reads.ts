// Read watermarks, unread counts, "read by", message status, typing and the per-user live stream.
import { z } from 'zod'
import { LIMITS } from '../limits.ts'
import { ZId } from './common.ts'

export const ZMarkReadInput = z.object({ planetId: ZId, messageId: ZId })
export type TMarkReadInput = z.infer<typeof ZMarkReadInput>

/** Without a travel: every planet the caller belongs to. */
export const ZMarkAllReadInput = z.object({ travelId: ZId.optional() })
export type TMarkAllReadInput = z.infer<typeof ZMarkAllReadInput>

export const ZUnreadCountsInput = z.object({ travelId: ZId.optional() }).default({})
export type TUnreadCountsInput = z.infer<typeof ZUnreadCountsInput>

export const ZReadByInput = z.object({ planetId: ZId, messageId: ZId })
export type TReadByInput = z.infer<typeof ZReadByInput>

/** The caller's own messages: the given ids, or the latest `limit` when no ids are given. */
export const ZMessageStatusInput = z.object({
  planetId: ZId,
  messageIds: z.array(ZId).min(1).max(LIMITS.messageStatusBatchMax).optional(),
  limit: z.number().int().min(1).max(LIMITS.messageStatusBatchMax).default(50),
})
export type TMessageStatusInput = z.infer<typeof ZMessageStatusInput>

export const ZTypingInput = z.object({ planetId: ZId, typing: z.boolean() })
export type TTypingInput = z.infer<typeof ZTypingInput>

export const ZTypingNowInput = z.object({ planetId: ZId })
export type TTypingNowInput = z.infer<typeof ZTypingNowInput>

export const ZMeEventsInput = z
  .object({
    /** Last event id the client saw; mentions after it are replayed, then a fresh unread snapshot. */
    lastEventId: z
      .string()
      .regex(/^\d+-\d+$/)
      .nullish(),
  })
  .default({})
export type TMeEventsInput = z.infer<typeof ZMeEventsInput>
