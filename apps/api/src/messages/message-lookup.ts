// Loading a message for an action on it, with the actor's standing in its planet decided by the same
// access rules as sends and reads.
import type { DbOrTx, Tx } from '@connecto/db'
import { isPlatformAdmin, isTravelStaff } from '@connecto/shared'
import { AppError } from '../errors/app-error.ts'
import { requirePlanetReader, requirePlanetWriter } from '../planets/planet-access.ts'
import type { Runtime } from '../runtime.ts'
import type { Actor } from '../travels/travel-access.ts'
import { messageInclude, toMessageView } from './message-view.ts'

export async function loadMessageView(db: DbOrTx, messageId: string) {
  return toMessageView(
    await db.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude }),
  )
}

export async function findMessageByClientId(db: DbOrTx, senderId: string, clientMessageId: string) {
  const existing = await db.message.findUnique({
    where: { senderId_clientMessageId: { senderId, clientMessageId } },
    include: messageInclude,
  })
  return existing ? toMessageView(existing) : null
}

/**
 * The message and whether the actor moderates its planet (planet moderator, travel host/moderator).
 * `writer` applies the posting rules (mute, chat hours, …) as a send would; `reader` only membership.
 * With `adminOverride`, platform admins act in any planet without being members.
 */
export async function loadMessageForActor(
  rt: Runtime,
  actor: Actor,
  messageId: string,
  opts: { access: 'reader' | 'writer'; adminOverride?: boolean },
) {
  const message = await rt.db.message.findUnique({
    where: { id: messageId },
    select: { id: true, planetId: true, senderId: true },
  })
  if (!message) throw new AppError('MSG001', undefined, 'messageId')
  if (opts.adminOverride && isPlatformAdmin(actor.role)) {
    const planet = await rt.db.planet.findUnique({
      where: { id: message.planetId },
      select: { status: true, travel: { select: { deletedAt: true } } },
    })
    if (!planet || planet.status === 'DELETED' || planet.travel.deletedAt) throw new AppError('PLT001')
    return { message, moderates: true, isAdmin: true }
  }
  const access =
    opts.access === 'writer'
      ? await requirePlanetWriter(rt, actor.id, message.planetId)
      : await requirePlanetReader(rt, actor.id, message.planetId)
  const moderates = isTravelStaff(access.travelMember) || access.planetMember.role === 'MODERATOR'
  return { message, moderates, isAdmin: isPlatformAdmin(actor.role) }
}

/**
 * Locks the message row for a read-modify-write (edit history, delete/restore races). NO KEY UPDATE, so
 * replies and reactions, which only hold a key-share lock on it through their foreign key, do not wait.
 */
export async function lockMessage(tx: Tx, messageId: string) {
  await tx.$queryRaw`SELECT id FROM messages WHERE id = ${messageId} FOR NO KEY UPDATE`
  return tx.message.findUniqueOrThrow({ where: { id: messageId } })
}
