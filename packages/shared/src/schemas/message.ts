import { z } from 'zod'
import { LIMITS } from '../limits.ts'
import { ZCursor, ZId } from './common.ts'

export const ZSendMessageInput = z.object({
  planetId: ZId,
  clientMessageId: z.string().min(8).max(64),
  content: z.string().trim().min(1, { message: 'A message cannot be empty.' }).max(LIMITS.messageTextMax),
  replyToId: ZId.optional(),
})
export type TSendMessageInput = z.infer<typeof ZSendMessageInput>

export const ZListMessagesInput = z.object({
  planetId: ZId,
  before: ZCursor.optional(),
  limit: z.number().int().min(1).max(LIMITS.historyPageMax).default(LIMITS.historyPageDefault),
})
export type TListMessagesInput = z.infer<typeof ZListMessagesInput>

export const ZPlanetEventsInput = z.object({
  planetId: ZId,
  /** Last event id the client saw; the server replays everything after it. */
  lastEventId: z.string().regex(/^\d+$/).nullish(),
})
export type TPlanetEventsInput = z.infer<typeof ZPlanetEventsInput>
