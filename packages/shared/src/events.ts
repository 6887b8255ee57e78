// Live events carried on the bus and yielded by subscriptions. `seq` is the per-planet sequence.
import type { AttachmentView } from './schemas/files.ts'

export type MessageView = {
  id: string
  planetId: string
  senderId: string | null
  senderNickname: string | null
  type: string
  content: string | null
  replyToId: string | null
  clientMessageId: string | null
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  /** LOCATION { lat, lng, name? }; SYSTEM { kind: SystemMessageKind, userId, ... }; null otherwise. */
  metadata: Record<string, unknown> | null
  edited: boolean
  /** Clients show "Message deleted" in its place; content and metadata are null. */
  deleted: boolean
  deletedById: string | null
  replyTo: ReplyPreview | null
  forwardedFrom: ForwardedFrom | null
  /** User ids of the planet members named with `@nickname`. */
  mentions: string[]
  reactions: ReactionGroup[]
  pinnedAt: string | null
  pinnedById: string | null
  /** Files in order (IMAGE/VIDEO/FILE messages); bytes come from files.downloadUrl. Empty once deleted. */
  attachments: AttachmentView[]
}

/** Enough of the replied-to message to show it above the reply, even after it is deleted. */
export type ReplyPreview = {
  id: string
  senderId: string | null
  senderNickname: string | null
  type: string
  excerpt: string | null
  deleted: boolean
}

export type ForwardedFrom = {
  messageId: string
  planetId: string
  senderId: string | null
  senderNickname: string | null
}

/** One emoji on one message: how many reacted, and who (in the order they reacted). */
export type ReactionGroup = { emoji: string; count: number; userIds: string[] }

export type SystemMessageKind = 'member.joined' | 'member.left' | 'message.pinned' | 'planet.renamed'

export type PlanetEvent =
  | { type: 'message.new'; seq: number; planetId: string; message: MessageView }
  | { type: 'message.edited'; seq: number; planetId: string; message: MessageView }
  | { type: 'message.deleted'; seq: number; planetId: string; message: MessageView }
  | { type: 'message.restored'; seq: number; planetId: string; message: MessageView }
  | { type: 'message.pinned'; seq: number; planetId: string; message: MessageView }
  | { type: 'message.unpinned'; seq: number; planetId: string; message: MessageView }
  | ReactionEvent<'reaction.added'>
  | ReactionEvent<'reaction.removed'>
  | { type: 'resync'; seq: number; planetId: string; reason: 'retention' }
  | ReadUpdatedEvent

export type PlanetEventType = PlanetEvent['type']

/** A reaction change, with the message's reaction groups after it, so clients replace rather than patch. */
type ReactionEvent<T extends string> = {
  type: T
  seq: number
  planetId: string
  messageId: string
  userId: string
  emoji: string
  reactions: ReactionGroup[]
}

/** A member's read watermark moved forward: every message up to `messageId` is read by `userId`. */
export type ReadUpdatedEvent = {
  type: 'read.updated'
  seq: number
  planetId: string
  userId: string
  messageId: string
  readAt: string
}

/**
 * Ephemeral planet signals: streamed live on `busChannel.planetSignals`, never stored in the event log
 * and never replayed. `message.status`: every message of the planet at or before `upTo` that
 * `byUserId` did not send is now at least `status` for its sender.
 */
export type PlanetSignal =
  | {
      type: 'typing'
      planetId: string
      userId: string
      nickname: string | null
      typing: boolean
      /** When a client should stop showing it if no stop arrives (typing: true only). */
      expiresAt: string | null
    }
  | {
      type: 'message.status'
      planetId: string
      status: 'delivered' | 'read'
      byUserId: string
      upTo: { messageId: string; createdAt: string }
    }

/** What a planet subscription yields: logged events (resumable by `seq`) and ephemeral signals. */
export type PlanetStreamEvent = PlanetEvent | PlanetSignal

export type MessageStatus = 'sent' | 'delivered' | 'read'

export type UnreadPlanet = { planetId: string; travelId: string; unread: number }

export type MembershipChange = 'joined' | 'left' | 'removed' | 'banned'

/** Events for one user on `busChannel.user`; `access.revoked` ends their live streams of that travel. */
export type UserEvent =
  | { type: 'access.revoked'; travelId: string; reason: 'travel.banned' }
  | {
      type: 'membership.changed'
      travelId: string
      /** null: the whole travel (and its planets); otherwise one planet. */
      planetId: string | null
      change: MembershipChange
    }
  /** The user's own read watermarks moved (on any device or node): fresh counts for those planets. */
  | { type: 'unread.changed'; planets: UnreadPlanet[] }
  | NotificationEvent

/** What `me.onEvent` yields: a fresh unread snapshot on every (re)connect, then changes as they happen. */
export type MeEvent =
  | { type: 'unread.snapshot'; planets: UnreadPlanet[]; total: number }
  | { type: 'unread.changed'; planets: UnreadPlanet[]; total: number }
  | { type: 'membership.changed'; travelId: string; planetId: string | null; change: MembershipChange }
  | { type: 'mention'; travelId: string; planetId: string; message: MessageView }
  | { type: 'access.revoked'; travelId: string; reason: 'travel.banned' }
  | NotificationEvent

/** An in-app notification as lists and live events show it; `count` > 1 for a coalesced burst. */
export type NotificationView = {
  id: string
  type: string
  title: string
  body: string
  data: { travelId?: string; planetId?: string; messageId?: string } | null
  count: number
  readAt: string | null
  createdAt: string
}

/** Notification changes on `busChannel.user`, each with the user's fresh unread notification count. */
export type NotificationEvent =
  | { type: 'notification.new'; notification: NotificationView; unreadCount: number }
  | { type: 'notification.read'; ids: string[] | 'all'; unreadCount: number }

export const busChannel = {
  planet: (planetId: string) => `planet:${planetId}`,
  travel: (travelId: string) => `travel:${travelId}`,
  user: (userId: string) => `user:${userId}`,
  /** Ephemeral planet signals (typing, message status): live only, no sequence, no replay. */
  planetSignals: (planetId: string) => `planet:${planetId}:signals`,
  /** Platform bans, so every node closes the banned user's sockets. */
  platformBans: 'platform:bans',
}
