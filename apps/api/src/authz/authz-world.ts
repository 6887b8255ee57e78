// A small, fresh world for one authorization case: one travel with every kind of actor in it, plus a
// plain participant and a travel-banned participant to act on. Built straight on the database with the
// seed factories, so a case costs a handful of inserts and nothing it mutates can reach another case.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { anonCaller, callerFor } from '../../test/harness.ts'
import type { Runtime } from '../runtime.ts'

export const ACTORS = [
  'admin',
  'host',
  'travelModerator',
  'planetModerator',
  'participant',
  'nonMember',
  'travelBanned',
  'planetMuted',
  'platformBanned',
  'signedOut',
] as const
export type ActorKey = (typeof ACTORS)[number]

export type Caller = Awaited<ReturnType<typeof callerFor>>
export type World = Awaited<ReturnType<typeof seedAuthzWorld>>

const day = 24 * 3600 * 1000

export async function seedAuthzWorld(rt: Runtime) {
  const [
    admin,
    host,
    travelModerator,
    planetModerator,
    participant,
    nonMember,
    travelBanned,
    planetMuted,
    platformBanned,
    target,
    bannedTarget,
  ] = await Promise.all([
    seedUser(rt.db, { role: 'ADMIN' }),
    seedUser(rt.db),
    seedUser(rt.db),
    seedUser(rt.db),
    seedUser(rt.db),
    seedUser(rt.db),
    seedUser(rt.db),
    seedUser(rt.db),
    seedUser(rt.db, { banned: { reason: 'platform abuse' } }),
    seedUser(rt.db),
    seedUser(rt.db),
  ])
  const participants = [planetModerator, participant, travelBanned, planetMuted, platformBanned, target]
  const { travel, general, announcements } = await seedTravel(rt.db, {
    hostId: host.id,
    members: [
      { userId: travelModerator.id, role: 'MODERATOR' },
      ...[...participants, bannedTarget].map((u) => ({ userId: u.id, role: 'PARTICIPANT' as const })),
    ],
  })
  const now = rt.clock.now()
  const planetRow = (planetId: string, userId: string) => ({ planetId_userId: { planetId, userId } })
  const travelBan = async (userId: string) => {
    await rt.db.travelUser.update({
      where: { travelId_userId: { travelId: travel.id, userId } },
      data: { status: 'BANNED', banReason: 'spam', bannedById: host.id, leftAt: now },
    })
    await rt.db.planetUser.updateMany({
      where: { userId, planet: { travelId: travel.id } },
      data: { status: 'BANNED' },
    })
  }
  await Promise.all([
    // A participant of the travel who moderates the General planet only.
    rt.db.planetUser.update({
      where: planetRow(general.id, planetModerator.id),
      data: { role: 'MODERATOR' },
    }),
    rt.db.planetUser.update({
      where: planetRow(general.id, planetMuted.id),
      data: { mutedUntil: new Date(now.getTime() + day), mutedById: host.id, muteReason: 'shouting' },
    }),
    travelBan(travelBanned.id),
    travelBan(bannedTarget.id),
  ])

  const users = {
    admin,
    host,
    travelModerator,
    planetModerator,
    participant,
    nonMember,
    travelBanned,
    planetMuted,
    platformBanned,
  }
  /** The caller acting as `actor`: a real signed token, or no token at all for the signed-out actor. */
  const callerAs = (actor: ActorKey): Promise<Caller> =>
    actor === 'signedOut' ? Promise.resolve(anonCaller(rt)) : callerFor(rt, users[actor].id)

  return { travel, general, announcements, users, target, bannedTarget, callerAs }
}
