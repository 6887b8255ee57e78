// Sending messages. Sends are idempotent on (sender, clientMessageId): a retry gets the original, even
// when the retries race. The happy path is two SQL statements (see send-statements.ts), shared with the
// sends that arrive at the same time (send-batching.ts).
import { searchGramsOf, type Tx } from '@connecto/db'
import type { ForwardedFrom, TSendMessageInput } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { publishPlanetEvents } from '../events/planet-events.ts'
import { attachUploadsToMessage, validateAttachableUploads } from '../files/attachments.ts'
import type { FileRow } from '../files/file-view.ts'
import { notifyMessageSent } from '../notifications/notify.ts'
import { checkPlanetWriter, requirePlanetAccess, requirePlanetWriter } from '../planets/planet-access.ts'
import { clearTyping } from '../realtime/typing.service.ts'
import type { Runtime } from '../runtime.ts'
import { mentionedNicknames } from './mentions.ts'
import { newMessageId } from './message-id.ts'
import { findMessageByClientId, loadMessageView } from './message-lookup.ts'
import { toMessageView } from './message-view.ts'
import { sendBatches } from './send-batching.ts'
import { startSendAllowance } from './send-rate-limit.ts'
import { insertMessageWithEvent, type SendContext } from './send-statements.ts'

/**
 * A message a user posts: typed in (sendMessage) or forwarded (forwardMessage). Attachments
 * (IMAGE/VIDEO/FILE, `content` as the caption) plug in here: resolve them before the insert, since
 * the view goes into the stored `message.new` event, and link their rows through `link`.
 */
export type UserMessage = {
  planetId: string
  senderId: string
  clientMessageId: string
  type: 'TEXT' | 'LOCATION' | 'IMAGE' | 'VIDEO' | 'FILE'
  content: string | null
  metadata: Record<string, unknown> | null
  replyToId?: string
  forwardedFrom?: ForwardedFrom
  /** Rows to write with the message (attachment links): the insert then runs in a transaction with it. */
  link?: (tx: Tx, messageId: string) => Promise<void>
  /** The linked files as the view shows them. */
  attachments?: { file: FileRow }[]
}

const senderOf = (nickname: string | null) => ({ profile: nickname === null ? null : { nickname } })

export async function sendMessage(rt: Runtime, senderId: string, input: TSendMessageInput) {
  const fileIds = input.attachments?.fileIds
  const files = fileIds
    ? await validateAttachableUploads(rt, senderId, fileIds, { clientMessageId: input.clientMessageId })
    : null
  return postUserMessage(rt, {
    planetId: input.planetId,
    senderId,
    clientMessageId: input.clientMessageId,
    type: files?.messageType ?? input.type,
    content: files
      ? (input.attachments?.caption ?? null)
      : input.type === 'TEXT'
        ? (input.content ?? null)
        : null,
    metadata: input.type === 'LOCATION' && input.location ? { ...input.location } : null,
    replyToId: input.replyToId,
    attachments: files?.attachments,
    link: fileIds ? (tx, messageId) => attachUploadsToMessage(tx, messageId, fileIds) : undefined,
  })
}

export async function postUserMessage(rt: Runtime, msg: UserMessage) {
  const allowance = startSendAllowance(rt, msg.senderId)
  const checked = await checkSend(rt, msg).catch(async (err: unknown) => {
    await allowance.cancel()
    throw err
  })
  if (checked.retryOf !== null) {
    await allowance.cancel()
    return loadMessageView(rt.db, checked.retryOf)
  }
  await allowance.confirm()
  const { context, replyTo } = checked

  const now = rt.clock.now()
  const view = toMessageView({
    id: newMessageId(now),
    planetId: msg.planetId,
    senderId: msg.senderId,
    sender: senderOf(context.senderNickname),
    type: msg.type,
    content: msg.content,
    metadata: msg.metadata,
    replyToId: replyTo?.id ?? null,
    replyTo,
    forwardedFrom: msg.forwardedFrom
      ? {
          id: msg.forwardedFrom.messageId,
          planetId: msg.forwardedFrom.planetId,
          senderId: msg.forwardedFrom.senderId,
          sender: senderOf(msg.forwardedFrom.senderNickname),
        }
      : null,
    clientMessageId: msg.clientMessageId,
    mentions: context.mentions,
    attachments: msg.attachments,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  })
  const draft = { view, searchableText: searchableTextOf(view) }
  const { link } = msg
  const event = link
    ? await rt.db.$transaction(async (tx) => {
        const inserted = await insertMessageWithEvent(tx, draft)
        if (inserted) await link(tx, view.id)
        return inserted
      })
    : await sendBatches(rt).insert.submit(draft)
  if (!event) {
    // A concurrent retry inserted first: return its message, as a later retry would.
    await allowance.cancel()
    const winner = await findMessageByClientId(rt.db, msg.senderId, msg.clientMessageId)
    if (winner) return winner
    throw new AppError('SYS003')
  }
  rt.metrics.messagesSent.inc()
  await publishPlanetEvents(rt, [event])
  // Sending ends the author's typing at once; off the reply path, a failure only leaves it to expire.
  clearTyping(rt, { id: msg.senderId, nickname: context.senderNickname ?? '' }, msg.planetId).catch((err) =>
    rt.logger.warn({ err, planetId: msg.planetId }, 'typing stop after send failed'),
  )
  // Off the reply path too: the enqueue is a Redis round trip, and while Redis is down it would wait for
  // the reconnect (notify never throws, so nothing is lost by not awaiting it).
  void notifyMessageSent(rt, view)
  return view
}

/** What search matches on: the text, or a location's name. */
export function searchableTextOf(m: { content: string | null; metadata: Record<string, unknown> | null }) {
  const text = m.content ?? (typeof m.metadata?.name === 'string' ? m.metadata.name : null)
  return text?.toLowerCase() ?? null
}

/** The two search columns a message's text sets: the text and its grams (for 1–2 character queries). */
export function searchFieldsOf(m: { content: string | null; metadata: Record<string, unknown> | null }) {
  const searchableText = searchableTextOf(m)
  return { searchableText, searchGrams: searchGramsOf(searchableText) }
}

/** Who may send what, from the context statement: the earlier send of a retry, or the send's context. */
async function checkSend(rt: Runtime, msg: UserMessage) {
  const context = await sendBatches(rt).context.submit({
    senderId: msg.senderId,
    planetId: msg.planetId,
    clientMessageId: msg.clientMessageId,
    replyToId: msg.replyToId,
    // A forwarded text mentions nobody in its new planet.
    mentionNames: msg.forwardedFrom ? [] : mentionedNicknames(msg.content ?? undefined),
  })
  if (context.existingId) return { retryOf: context.existingId }
  await requireWriterFromContext(rt, msg, context)
  return { retryOf: null, context, replyTo: requireReplyTarget(msg, context) }
}

async function requireWriterFromContext(rt: Runtime, msg: UserMessage, context: SendContext) {
  if (!context.planet) throw new AppError('PLT001')
  const ban = context.planet.travel.members[0]
  if (ban?.status === 'BANNED' && ban.bannedUntil && ban.bannedUntil <= rt.clock.now()) {
    // Rare: an expired ban is lifted on the spot by the full access path.
    await requirePlanetWriter(rt, msg.senderId, msg.planetId)
    return
  }
  checkPlanetWriter(rt, requirePlanetAccess({ planet: context.planet }))
}

function requireReplyTarget(msg: UserMessage, context: SendContext) {
  if (!msg.replyToId) return null
  const target = context.replyTo
  if (!target) throw new AppError('MSG001', 'The message you reply to was not found.', 'replyToId')
  if (target.planetId !== msg.planetId) throw new AppError('MSG009', undefined, 'replyToId')
  if (target.deletedAt) throw new AppError('MSG007', 'You cannot reply to a deleted message.', 'replyToId')
  return target
}
