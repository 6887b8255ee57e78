import { z } from 'zod'
import { LIMITS } from '../limits.ts'
import { ZCursor, ZId } from './common.ts'
import { ZMessageAttachmentsInput } from './files.ts'

/** C0/C1 control characters other than tab and line breaks: they corrupt terminals, logs and push texts. */
function hasControlChars(text: string) {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f)) return true
  }
  return false
}

/** Message text is stored and sent as written (markdown is the client's to render, never HTML here). */
export const ZMessageText = z
  .string()
  .trim()
  .min(1, { message: 'A message cannot be empty.' })
  .max(LIMITS.messageTextMax)
  .refine((text) => !hasControlChars(text), { message: 'A message cannot contain control characters.' })

export const ZLocation = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  name: z.string().trim().min(1).max(200).optional(),
})
export type TLocation = z.infer<typeof ZLocation>

export const ZClientMessageId = z.string().min(8).max(64)

/**
 * Types a client may send; SYSTEM messages are created by the server only. Attachment types
 * (IMAGE/VIDEO/FILE with an optional caption in `content`) join this list with their `attachments` field.
 */
export const SENDABLE_MESSAGE_TYPES = ['TEXT', 'LOCATION'] as const

export const ZSendMessageFields = z.object({
  planetId: ZId,
  clientMessageId: ZClientMessageId,
  type: z.enum(SENDABLE_MESSAGE_TYPES).default('TEXT'),
  content: ZMessageText.optional(),
  location: ZLocation.optional(),
  replyToId: ZId.optional(),
  /** Completed uploads to send; the server makes it an IMAGE, VIDEO or FILE message, the caption its text. */
  attachments: ZMessageAttachmentsInput.extend({ caption: ZMessageText.optional() }).optional(),
})

export const ZSendMessageInput = ZSendMessageFields.superRefine((input, ctx) => {
  if (input.attachments) {
    if (input.type !== 'TEXT' || input.content !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['attachments'],
        message: 'A message with files carries its text as attachments.caption.',
      })
    }
    return
  }
  if (input.type === 'TEXT' && input.content === undefined) {
    ctx.addIssue({ code: 'custom', path: ['content'], message: 'A message cannot be empty.' })
  }
  if (input.type === 'LOCATION' && !input.location) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'A location message needs a location.' })
  }
  if (input.type !== 'LOCATION' && input.location) {
    ctx.addIssue({ code: 'custom', path: ['location'], message: 'Only location messages carry a location.' })
  }
})
export type TSendMessageInput = z.infer<typeof ZSendMessageInput>

export const ZMessageRefInput = z.object({ messageId: ZId })
export type TMessageRefInput = z.infer<typeof ZMessageRefInput>

export const ZEditMessageInput = z.object({ messageId: ZId, content: ZMessageText })
export type TEditMessageInput = z.infer<typeof ZEditMessageInput>

export const ZForwardMessageInput = z.object({
  messageId: ZId,
  toPlanetId: ZId,
  clientMessageId: ZClientMessageId,
})
export type TForwardMessageInput = z.infer<typeof ZForwardMessageInput>

const EMOJI_CHARS = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\u20e3)+$/u
/** At least one pictograph, flag letter or keycap, so bare digits and "#" (emoji components) are refused. */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u

export const ZReactionInput = z.object({
  messageId: ZId,
  emoji: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.reactionEmojiMax)
    .refine((e) => EMOJI_CHARS.test(e) && PICTOGRAPH.test(e), { message: 'A reaction must be an emoji.' }),
})
export type TReactionInput = z.infer<typeof ZReactionInput>

export const ZListPinnedInput = z.object({ planetId: ZId })
export type TListPinnedInput = z.infer<typeof ZListPinnedInput>

/**
 * A history page, newest first: the latest messages, or `limit` messages before / after a message, or
 * around it (a jump: about half older, the message, the rest newer). At most one of the three.
 */
export const ZListMessagesInput = z
  .object({
    planetId: ZId,
    before: ZCursor.optional(),
    after: ZCursor.optional(),
    around: ZCursor.optional(),
    limit: z.number().int().min(1).max(LIMITS.historyPageMax).default(LIMITS.historyPageDefault),
  })
  .refine((input) => [input.before, input.after, input.around].filter(Boolean).length <= 1, {
    message: 'Give at most one of before, after and around.',
    path: ['around'],
  })
export type TListMessagesInput = z.infer<typeof ZListMessagesInput>

/**
 * Search over the planets the caller can read. `cursor` is the opaque `nextCursor` of the previous page;
 * `from` is inclusive, `to` exclusive.
 */
export const ZSearchMessagesInput = z
  .object({
    query: z.string().trim().min(1).max(LIMITS.searchQueryMax),
    planetId: ZId.optional(),
    senderId: ZId.optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: z.string().min(1).max(300).optional(),
    limit: z.number().int().min(1).max(LIMITS.searchPageMax).default(LIMITS.searchPageDefault),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    message: 'The date range ends before it starts.',
    path: ['to'],
  })
export type TSearchMessagesInput = z.infer<typeof ZSearchMessagesInput>

/** A piece of a search snippet: plain text (never HTML), `match` where it matched the query. */
export type SnippetPart = { text: string; match: boolean }

export const ZPlanetEventsInput = z.object({
  planetId: ZId,
  /** Last event id the client saw; the server replays everything after it. */
  lastEventId: z.string().regex(/^\d+$/).nullish(),
})
export type TPlanetEventsInput = z.infer<typeof ZPlanetEventsInput>
