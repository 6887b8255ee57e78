// Fan-out of new messages, a batch at a time (every planet's new messages of the last NOTIFY_BATCH_MS):
// each other active member gets a MENTION, REPLY or ANNOUNCEMENT notification per message, and the plain
// messages merged into one MESSAGE notification per planet ("12 new messages in General"), unless they
// muted the planet or their preferences say otherwise. @all / @here count as mentions only from hosts
// and moderators, at most once per planet per window. Set-based: a batch costs the same few statements
// whatever its size, the number of planets and the number of recipients.
import { Prisma, rawRows, type Tx } from '@connecto/db'
import type { NotificationChannel, NotificationType } from '@connecto/shared'
import { newRowId } from '../messages/message-id.ts'
import type { Runtime } from '../runtime.ts'
import { type DeliveryPlan, enqueuePush, planDeliveries, pushesNow } from './create-notification.ts'
import { markDelivery } from './deliveries.ts'
import { focusPair, pairsLookingAt } from './focus.ts'
import { publishNotificationEvent, toNotificationView, unreadCounts } from './notification-view.ts'
import { type PlanetNotificationSettings, planetAllows } from './planet-mute.ts'
import { CHANNELS, loadPreferences } from './preferences.ts'
import { claimKey } from './ttl-keys.ts'

export const BROADCAST_WINDOW_SECONDS = 5 * 60
const PREVIEW_LENGTH = 140
/** A batch writes everything in one transaction; waiting a little longer for a connection beats failing. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 10_000 }

export type FanOutMessage = {
  id: string
  senderId: string
  senderName: string | null
  /** Travel host or moderator, or planet moderator: may reach everyone with @all / @here. */
  senderStaff: boolean
  content: string | null
  type: string
  mentions: string[]
  replyToSenderId: string | null
  planetId: string
  planetName: string
  planetType: string
  travelId: string
}

export type FanOutMember = PlanetNotificationSettings & {
  planetId: string
  userId: string
  hasDevice: boolean
  /** On a retry: already has a notification from this batch (it committed), so is left out. */
  reached: boolean
}

const preview = (content: string | null, type: string) => {
  if (!content) return type === 'LOCATION' ? 'shared a location' : 'sent an attachment'
  return content.length > PREVIEW_LENGTH ? `${content.slice(0, PREVIEW_LENGTH - 1)}…` : content
}

export function broadcastIn(content: string | null): 'all' | 'here' | null {
  const m = content?.match(/(?:^|\s)@(all|here)\b/i)
  return m ? (m[1]!.toLowerCase() as 'all' | 'here') : null
}

/** What a message is to one recipient: aimed at them first, then the planet's kind. */
export function notificationTypeFor(r: { mentioned: boolean; repliedTo: boolean; announcement: boolean }) {
  if (r.mentioned) return 'MENTION' as const
  if (r.repliedTo) return 'REPLY' as const
  return r.announcement ? ('ANNOUNCEMENT' as const) : ('MESSAGE' as const)
}

/**
 * Who gets what from each message, in message order: never the sender, never a member the planet
 * settings hold back. `broadcasts`: the messages whose @all / @here counts (staff, within the window).
 */
export function decideRecipients(input: {
  messages: FanOutMessage[]
  members: FanOutMember[]
  online: ReadonlySet<string>
  /** Members looking at the planet now: ordinary messages reach them on screen, not as notifications. */
  looking?: ReadonlySet<string>
  broadcasts: ReadonlySet<string>
  now: Date
}) {
  const out: { message: FanOutMessage; userId: string; type: NotificationType }[] = []
  for (const message of input.messages) {
    const broadcast = input.broadcasts.has(message.id) ? broadcastIn(message.content) : null
    const mentioned = new Set(message.mentions)
    for (const member of input.members) {
      if (member.reached || member.userId === message.senderId) continue
      const type = notificationTypeFor({
        mentioned:
          mentioned.has(member.userId) ||
          broadcast === 'all' ||
          (broadcast === 'here' && input.online.has(member.userId)),
        repliedTo: message.replyToSenderId === member.userId,
        announcement: message.planetType === 'ANNOUNCEMENT',
      })
      if (type === 'MESSAGE' && input.looking?.has(member.userId)) continue
      if (planetAllows(member, type, input.now)) out.push({ message, userId: member.userId, type })
    }
  }
  return out
}

function wordsOf(m: FanOutMessage) {
  const sender = m.senderName ?? 'Someone'
  const where = m.planetType === 'DIRECT' ? sender : m.planetName
  const text = preview(m.content, m.type)
  const titles: Partial<Record<NotificationType, string>> = {
    MENTION: `${sender} mentioned you in ${where}`,
    REPLY: `${sender} replied to you in ${where}`,
    ANNOUNCEMENT: `Announcement in ${where}`,
  }
  return {
    where,
    text,
    titleFor: (type: NotificationType) => titles[type] ?? where,
    /** A single plain message: who said what (in a direct chat the title already names the sender). */
    messageBody: m.planetType === 'DIRECT' ? text : `${sender}: ${text}`,
  }
}

const dataOf = (m: FanOutMessage) => ({ travelId: m.travelId, planetId: m.planetId, messageId: m.id })

type Draft = {
  id: string
  userId: string
  type: NotificationType
  title: string
  body: string
  data: ReturnType<typeof dataOf>
  groupKey: string | null
  count: number
  createdAt: Date
  /** An unread group row this batch merges into (its delivery rows are upserted). */
  merged: boolean
  plan: DeliveryPlan
  hasDevice: boolean
}

async function loadMessages(rt: Runtime, ids: string[]) {
  return rawRows<FanOutMessage>(
    rt.db,
    'fan_out_messages',
    Prisma.sql`
    SELECT m.id, m.sender_id AS "senderId", p.nickname AS "senderName",
      COALESCE(tu.role IN ('HOST', 'MODERATOR') OR pu.role = 'MODERATOR', false) AS "senderStaff",
      m.content, m.type::text AS type, m.mentions, r.sender_id AS "replyToSenderId",
      pl.id AS "planetId", pl.name AS "planetName", pl.type::text AS "planetType", pl.travel_id AS "travelId"
    FROM messages m
    JOIN planets pl ON pl.id = m.planet_id
    LEFT JOIN messages r ON r.id = m.reply_to_id
    LEFT JOIN profiles p ON p.user_id = m.sender_id
    LEFT JOIN travel_users tu ON tu.travel_id = pl.travel_id AND tu.user_id = m.sender_id
    LEFT JOIN planet_users pu ON pu.planet_id = pl.id AND pu.user_id = m.sender_id
    WHERE m.id = ANY(${ids}::text[]) AND m.deleted_at IS NULL AND m.sender_id IS NOT NULL
    ORDER BY m.created_at, m.id`,
  )
}

/** Active members of the planets with their settings; on a retry, whether this batch already reached them. */
async function loadMembers(rt: Runtime, planetIds: string[], retryOf: string[] | null) {
  const reached = retryOf
    ? Prisma.sql`EXISTS (SELECT 1 FROM notifications n
        WHERE n.user_id = pu.user_id AND n.data->>'messageId' = ANY(${retryOf}::text[]))`
    : Prisma.sql`false`
  // Two texts (with and without the retry check), so two prepared statements.
  return rawRows<FanOutMember>(
    rt.db,
    retryOf ? 'fan_out_members_retry' : 'fan_out_members',
    Prisma.sql`
    SELECT pu.planet_id AS "planetId", pu.user_id AS "userId", pu.notifications_muted AS "notificationsMuted",
      pu.notifications_muted_until AS "notificationsMutedUntil", pu.mentions_only AS "mentionsOnly",
      EXISTS (SELECT 1 FROM devices d WHERE d.user_id = pu.user_id) AS "hasDevice",
      ${reached} AS reached
    FROM planet_users pu
    WHERE pu.planet_id = ANY(${planetIds}::text[]) AND pu.status = 'ACTIVE'`,
  )
}

/** The staff messages whose @all / @here gets through the per-planet rate limit. */
async function claimBroadcasts(rt: Runtime, planetId: string, messages: FanOutMessage[]) {
  const claimed = new Set<string>()
  for (const m of messages) {
    if (!m.senderStaff || !broadcastIn(m.content)) continue
    if (await claimKey(rt, `notify:broadcast:${planetId}`, BROADCAST_WINDOW_SECONDS)) claimed.add(m.id)
    else rt.logger.info({ planetId, senderId: m.senderId }, 'notifications: @all/@here rate-limited')
  }
  return claimed
}

/** Serializes merges into the same group rows across workers; keys sorted so batches cannot deadlock. */
async function lockGroups(tx: Tx, keys: string[]) {
  await tx.$queryRaw`SELECT count(*)::int AS n FROM (
    SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${[...keys].sort()}::text[]) AS k
  ) AS locked`
}

/** Each (user, group) pair's newest unread row, which new plain messages merge into. */
async function unreadGroupRows(tx: Tx, pairs: { userId: string; groupKey: string }[]) {
  return tx.$queryRaw<{ id: string; userId: string; groupKey: string; count: number; createdAt: Date }[]>`
    SELECT DISTINCT ON (n.user_id, n.group_key)
      n.id, n.user_id AS "userId", n.group_key AS "groupKey", n.count, n.created_at AS "createdAt"
    FROM notifications n
    JOIN unnest(${pairs.map((p) => p.userId)}::text[], ${pairs.map((p) => p.groupKey)}::text[])
      AS k(user_id, group_key) ON n.user_id = k.user_id AND n.group_key = k.group_key
    WHERE n.read_at IS NULL
    ORDER BY n.user_id, n.group_key, n.created_at DESC`
}

type DeliveryState = ReturnType<DeliveryPlan['state']>

/** A push that would go out now to a user with no device is recorded as skipped, with no job. */
function deliveryState(d: Draft, channel: NotificationChannel): DeliveryState {
  if (channel === 'PUSH' && !d.hasDevice && pushesNow(d.plan)) {
    return {
      status: 'SKIPPED',
      sentAt: null,
      deferredUntil: null,
      lastError: 'no registered devices',
      attempts: 0,
    }
  }
  return d.plan.state(channel)
}

const iso = (d: Date | null) => d?.toISOString() ?? null

function groupBy<T>(items: T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/**
 * One statement: merged group rows updated, new rows inserted, and their delivery rows inserted (or, for
 * a merged row, upserted: a merged burst is one notification again due on every channel that is on).
 */
async function writeDrafts(tx: Tx, drafts: Draft[], now: Date) {
  const updates = drafts.filter((d) => d.merged)
  const inserts = drafts.filter((d) => !d.merged)
  const deliveries = drafts.flatMap((d) =>
    CHANNELS.filter((c) => !d.merged || (c !== 'IN_APP' && d.plan.channels.has(c))).map((channel) => ({
      notificationId: d.id,
      channel,
      ...deliveryState(d, channel),
    })),
  )
  const wall = new Date().toISOString()
  await tx.$executeRaw`
    WITH updated AS (
      UPDATE notifications n
      SET count = u.count, title = u.title, body = u.body, data = u.data::jsonb, updated_at = ${wall}::timestamp(3)
      FROM unnest(
        ${updates.map((d) => d.id)}::text[], ${updates.map((d) => d.count)}::int[],
        ${updates.map((d) => d.title)}::text[], ${updates.map((d) => d.body)}::text[],
        ${updates.map((d) => JSON.stringify(d.data))}::text[]
      ) AS u(id, count, title, body, data)
      WHERE n.id = u.id
      RETURNING n.id
    ), inserted AS (
      INSERT INTO notifications (id, user_id, type, title, body, data, group_key, count, created_at, updated_at)
      SELECT i.id, i.user_id, i.type::"NotificationType", i.title, i.body, i.data::jsonb, NULLIF(i.group_key, ''),
        i.count, ${now.toISOString()}::timestamp(3), ${wall}::timestamp(3)
      FROM unnest(
        ${inserts.map((d) => d.id)}::text[], ${inserts.map((d) => d.userId)}::text[],
        ${inserts.map((d) => d.type)}::text[], ${inserts.map((d) => d.title)}::text[],
        ${inserts.map((d) => d.body)}::text[], ${inserts.map((d) => JSON.stringify(d.data))}::text[],
        ${inserts.map((d) => d.groupKey ?? '')}::text[], ${inserts.map((d) => d.count)}::int[]
      ) AS i(id, user_id, type, title, body, data, group_key, count)
      RETURNING id
    )
    INSERT INTO notification_deliveries
      (id, notification_id, channel, status, attempts, last_error, sent_at, deferred_until, updated_at)
    SELECT x.id, x.notification_id, x.channel::"NotificationChannel", x.status::"DeliveryStatus", x.attempts,
      NULLIF(x.last_error, ''), NULLIF(x.sent_at, '')::timestamp(3), NULLIF(x.deferred_until, '')::timestamp(3),
      ${wall}::timestamp(3)
    FROM unnest(
      ${deliveries.map(() => newRowId(now))}::text[], ${deliveries.map((d) => d.notificationId)}::text[],
      ${deliveries.map((d) => d.channel)}::text[], ${deliveries.map((d) => d.status)}::text[],
      ${deliveries.map((d) => d.attempts)}::int[], ${deliveries.map((d) => d.lastError ?? '')}::text[],
      ${deliveries.map((d) => iso(d.sentAt) ?? '')}::text[],
      ${deliveries.map((d) => iso(d.deferredUntil) ?? '')}::text[]
    ) AS x(id, notification_id, channel, status, attempts, last_error, sent_at, deferred_until)
    ON CONFLICT (notification_id, channel) DO UPDATE SET
      status = EXCLUDED.status, attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,
      sent_at = EXCLUDED.sent_at, deferred_until = EXCLUDED.deferred_until, updated_at = EXCLUDED.updated_at
    -- A row already in that state (sent live, skipped for want of a device) is left as it is: a busy
    -- planet would otherwise rewrite every member's delivery rows on every batch.
    WHERE (notification_deliveries.status, notification_deliveries.last_error, notification_deliveries.deferred_until)
      IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.last_error, EXCLUDED.deferred_until)`
}

/** Live events after commit, in order per user, each with the user's unread count after the batch. */
async function deliverLive(rt: Runtime, drafts: Draft[]) {
  const live = drafts.filter((d) => d.plan.online && d.plan.channels.has('WEBSOCKET'))
  if (!live.length) return
  const byUser = groupBy(live, (d) => d.userId)
  const counts = await unreadCounts(rt, [...byUser.keys()])
  await Promise.all(
    [...byUser].map(async ([userId, list]) => {
      for (const d of list) {
        try {
          await publishNotificationEvent(rt, userId, {
            type: 'notification.new',
            notification: toNotificationView({ ...d, readAt: null }),
            unreadCount: counts.get(userId) ?? 0,
          })
        } catch (err) {
          await markDelivery(rt, d.id, 'WEBSOCKET', { status: 'FAILED', lastError: (err as Error).message })
        }
      }
    }),
  )
}

/** The staff messages whose @all / @here gets through their planet's rate limit. */
async function claimAllBroadcasts(rt: Runtime, byPlanet: Map<string, FanOutMessage[]>) {
  const claimed = new Set<string>()
  for (const [planetId, messages] of byPlanet) {
    for (const id of await claimBroadcasts(rt, planetId, messages)) claimed.add(id)
  }
  return claimed
}

/** Per planet, the members who may hear of its messages (a lone sender of a burst is none of them). */
function candidatesByPlanet(byPlanet: Map<string, FanOutMessage[]>, members: FanOutMember[]) {
  const membersOf = groupBy(members, (m) => m.planetId)
  const out = new Map<string, FanOutMember[]>()
  for (const [planetId, messages] of byPlanet) {
    const senders = new Set(messages.map((m) => m.senderId))
    const candidates = (membersOf.get(planetId) ?? []).filter(
      (m) => !m.reached && !(senders.size === 1 && senders.has(m.userId)),
    )
    if (candidates.length) out.set(planetId, candidates)
  }
  return out
}

const groupKeyOf = (planetId: string) => `planet:${planetId}:messages`

/**
 * Notifies the members of each message's planet. `retry`: a later attempt of the same job; members
 * holding a notification from one of these messages were reached (a batch commits whole) and are skipped.
 * Returns how many (message, recipient) notifications were made.
 */
export async function fanOutMessages(rt: Runtime, messageIds: string[], opts: { retry?: boolean } = {}) {
  const ids = [...new Set(messageIds)]
  if (!ids.length) return 0
  const messages = await loadMessages(rt, ids)
  if (!messages.length) return 0
  const byPlanet = groupBy(messages, (m) => m.planetId)
  const members = await loadMembers(rt, [...byPlanet.keys()], opts.retry ? ids : null)
  const candidates = candidatesByPlanet(byPlanet, members)
  const userIds = [...new Set([...candidates.values()].flat().map((m) => m.userId))]
  if (!userIds.length) return 0
  const memberPairs = [...candidates].flatMap(([planetId, list]) =>
    list.map((m) => ({ planetId, userId: m.userId })),
  )
  const [broadcasts, lookingPairs] = await Promise.all([
    claimAllBroadcasts(rt, byPlanet),
    pairsLookingAt(rt, memberPairs),
  ])
  // @here reaches the members online now: presence is asked first only when such a broadcast counts.
  const hereCounts = messages.some((m) => broadcasts.has(m.id) && broadcastIn(m.content) === 'here')
  const onlineNow = hereCounts ? await rt.presence.isOnline(userIds) : new Set<string>()
  const now = rt.clock.now()
  const decided = [...candidates].flatMap(([planetId, planetMembers]) => {
    const looking = new Set(
      planetMembers.filter((m) => lookingPairs.has(focusPair(planetId, m.userId))).map((m) => m.userId),
    )
    const planetMessages = byPlanet.get(planetId) ?? []
    return decideRecipients({
      messages: planetMessages,
      members: planetMembers,
      online: onlineNow,
      looking,
      broadcasts,
      now,
    })
  })
  // Everyone was looking (a busy room on screen): nothing to write, no presence or preferences to read.
  if (!decided.length) return 0
  const recipients = [...new Set(decided.map((d) => d.userId))]
  const [online, prefsOf] = await Promise.all([
    hereCounts ? onlineNow : rt.presence.isOnline(recipients),
    loadPreferences(rt, recipients),
  ])
  const hasDevice = new Set(members.filter((m) => m.hasDevice).map((m) => m.userId))

  const plans = new Map<string, DeliveryPlan>()
  const planOf = (userId: string, type: NotificationType) => {
    const key = `${userId}:${type}`
    let plan = plans.get(key)
    if (!plan) {
      plan = planDeliveries(rt, prefsOf(userId), type, online.has(userId))
      plans.set(key, plan)
    }
    return plan
  }
  const directed: Draft[] = []
  /** Plain messages per (user, planet group), merged into one row each. */
  const plain = new Map<string, { userId: string; groupKey: string; messages: FanOutMessage[] }>()
  for (const { message, userId, type } of decided) {
    const plan = planOf(userId, type)
    if (!plan.channels.size) continue
    if (type === 'MESSAGE') {
      const groupKey = groupKeyOf(message.planetId)
      const key = `${userId}|${groupKey}`
      const entry = plain.get(key)
      if (entry) entry.messages.push(message)
      else plain.set(key, { userId, groupKey, messages: [message] })
      continue
    }
    const words = wordsOf(message)
    directed.push({
      id: newRowId(now),
      userId,
      type,
      title: words.titleFor(type),
      body: words.text,
      data: dataOf(message),
      groupKey: null,
      count: 1,
      createdAt: now,
      merged: false,
      plan,
      hasDevice: hasDevice.has(userId),
    })
  }
  if (!directed.length && !plain.size) return 0

  const drafts = await rt.db.$transaction(async (tx) => {
    const grouped: Draft[] = []
    if (plain.size) {
      const pairs = [...plain.values()]
      await lockGroups(
        tx,
        pairs.map((p) => `group:${p.userId}:${p.groupKey}`),
      )
      const unread = new Map((await unreadGroupRows(tx, pairs)).map((r) => [`${r.userId}|${r.groupKey}`, r]))
      for (const [key, { userId, groupKey, messages: list }] of plain) {
        const newest = list.at(-1)!
        const words = wordsOf(newest)
        const prev = unread.get(key)
        const count = (prev?.count ?? 0) + list.length
        grouped.push({
          id: prev?.id ?? newRowId(now),
          userId,
          type: 'MESSAGE',
          title: words.where,
          body: count > 1 ? `${count} new messages in ${words.where}` : words.messageBody,
          data: dataOf(newest),
          groupKey,
          count,
          createdAt: prev?.createdAt ?? now,
          merged: !!prev,
          plan: planOf(userId, 'MESSAGE'),
          hasDevice: hasDevice.has(userId),
        })
      }
    }
    const all = [...directed, ...grouped]
    await writeDrafts(tx, all, now)
    return all
  }, TX_OPTIONS)

  await deliverLive(rt, drafts)
  await Promise.all(drafts.filter((d) => d.hasDevice && pushesNow(d.plan)).map((d) => enqueuePush(rt, d)))
  return directed.length + [...plain.values()].reduce((n, p) => n + p.messages.length, 0)
}

export function fanOutMessage(rt: Runtime, messageId: string, opts: { retry?: boolean } = {}) {
  return fanOutMessages(rt, [messageId], opts)
}
