// Reading: mark read up to a message, mark everything (or a travel) read, unread counts and "read by".
// Watermarks only move forward; a member who hides read receipts still gets their own counts, but
// no one else sees their reads (no `read.updated`, no "read" status, not listed in "read by").

import type { Tx } from '@connecto/db'
import type { TMarkAllReadInput, TMarkReadInput, TReadByInput, TUnreadCountsInput } from '@connecto/shared'
import { busChannel, type PlanetEvent, type PlanetSignal } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { appendPlanetEvent, publishPlanetEvents } from '../events/planet-events.ts'
import { publishUserEvent } from '../me/user-events.ts'
import { requirePlanetReader } from '../planets/planet-access.ts'
import { readReceiptsVisible } from '../realtime/privacy.ts'
import type { Runtime } from '../runtime.ts'
import { type Actor, requireTravelReader } from '../travels/travel-access.ts'
import { advanceAllReadWatermarks, advanceReadWatermark, type MovedWatermark } from './read-watermarks.ts'
import { loadUnreadCounts, summarizeUnread } from './unread-counts.ts'

async function showsReadReceipts(rt: Runtime, userId: string) {
  const profile = await rt.db.profile.findUnique({ where: { userId }, select: { preferences: true } })
  return readReceiptsVisible(profile?.preferences)
}

/** After commit: the log events, the senders' "read" status signals and the reader's own counts. */
async function announceReads(
  rt: Runtime,
  userId: string,
  moved: MovedWatermark[],
  events: PlanetEvent[],
  scope: { travelId?: string; planetIds?: string[] },
) {
  await publishPlanetEvents(rt, events)
  if (events.length > 0) {
    for (const m of moved) {
      const signal: PlanetSignal = {
        type: 'message.status',
        planetId: m.planetId,
        status: 'read',
        byUserId: userId,
        upTo: { messageId: m.messageId, createdAt: m.createdAt.toISOString() },
      }
      await rt.bus.publish(busChannel.planetSignals(m.planetId), signal)
    }
  }
  const counts = await loadUnreadCounts(rt.db, userId, scope)
  const summary = summarizeUnread(counts)
  if (moved.length > 0)
    await publishUserEvent(rt, userId, { type: 'unread.changed', planets: summary.planets })
  return summary
}

/**
 * Moves watermarks in one transaction with a `read.updated` event per planet whose watermark moved —
 * unless the reader hides read receipts, when nothing about their reading is told to others.
 */
async function advanceWatermarks(
  rt: Runtime,
  userId: string,
  advance: (tx: Tx, now: Date) => Promise<MovedWatermark[]>,
) {
  const receipts = await showsReadReceipts(rt, userId)
  const now = rt.clock.now()
  return rt.db.$transaction(async (tx) => {
    const moved = await advance(tx, now)
    const events: PlanetEvent[] = []
    for (const m of receipts ? moved : []) {
      events.push(
        await appendPlanetEvent(tx, {
          type: 'read.updated',
          planetId: m.planetId,
          userId,
          messageId: m.messageId,
          readAt: now.toISOString(),
        }),
      )
    }
    return { moved, events }
  })
}

export async function markRead(rt: Runtime, actor: Actor, input: TMarkReadInput) {
  await requirePlanetReader(rt, actor.id, input.planetId)
  const { moved, events } = await advanceWatermarks(rt, actor.id, (tx, now) =>
    advanceReadWatermark(tx, { ...input, userId: actor.id, now }),
  )
  if (moved.length === 0) {
    const exists = await rt.db.message.findFirst({
      where: { id: input.messageId, planetId: input.planetId },
      select: { id: true },
    })
    if (!exists) throw new AppError('MSG001', undefined, 'messageId')
  }
  const summary = await announceReads(rt, actor.id, moved, events, { planetIds: [input.planetId] })
  return { planetId: input.planetId, advanced: moved.length > 0, unread: summary.total }
}

export async function markAllRead(rt: Runtime, actor: Actor, input: TMarkAllReadInput) {
  if (input.travelId) {
    const { membership } = await requireTravelReader(rt.db, actor, input.travelId, rt.clock.now())
    if (!membership) throw new AppError('TRV002')
  }
  const { moved, events } = await advanceWatermarks(rt, actor.id, (tx, now) =>
    advanceAllReadWatermarks(tx, { userId: actor.id, travelId: input.travelId, now }),
  )
  const summary = await announceReads(rt, actor.id, moved, events, { travelId: input.travelId })
  return { advancedPlanets: moved.length, ...summary }
}

export async function unreadCounts(rt: Runtime, actor: Actor, input: TUnreadCountsInput) {
  return summarizeUnread(await loadUnreadCounts(rt.db, actor.id, { travelId: input.travelId }))
}

/** Who has read a message: members whose watermark is at or past it, except its sender and the viewer. */
export async function readBy(rt: Runtime, actor: Actor, input: TReadByInput) {
  await requirePlanetReader(rt, actor.id, input.planetId)
  const message = await rt.db.message.findFirst({
    where: { id: input.messageId, planetId: input.planetId },
    select: { id: true },
  })
  if (!message) throw new AppError('MSG001', undefined, 'messageId')
  return rt.db.$queryRaw<{ userId: string; nickname: string | null; readAt: Date | null }[]>`
    SELECT pu.user_id AS "userId", p.nickname, pu.last_read_at AS "readAt"
    FROM messages m
    JOIN planet_users pu ON pu.planet_id = m.planet_id AND pu.status = 'ACTIVE'
    JOIN messages w ON w.id = pu.last_read_message_id
    LEFT JOIN profiles p ON p.user_id = pu.user_id
    WHERE m.id = ${input.messageId}
      AND pu.user_id IS DISTINCT FROM m.sender_id AND pu.user_id <> ${actor.id}
      AND (w.created_at, w.id) >= (m.created_at, m.id)
      AND COALESCE(p.preferences #>> '{privacy,readReceipts}', 'true') <> 'false'
    ORDER BY pu.last_read_at ASC NULLS LAST, pu.user_id`
}
