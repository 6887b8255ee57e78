// Factories shared by the demo seed, integration tests and e2e tests: each makes one realistic row
// set with a unique suffix, so tests never collide.
import { randomBytes } from 'node:crypto'
import { hash } from '@node-rs/argon2'
import type { DbOrTx } from '../client.ts'

const suffix = () => randomBytes(4).toString('hex')

const hashCache = new Map<string, Promise<string>>()
/** Argon2id like the api; cached per password because tests create many users with the same one. */
export const hashDemoPassword = (password: string) => {
  const cached = hashCache.get(password)
  if (cached) return cached
  const hashed = hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 })
  hashCache.set(password, hashed)
  return hashed
}

export type SeedUserOptions = {
  email?: string
  nickname?: string
  password?: string
  role?: 'ADMIN' | 'HOST' | 'USER'
  banned?: { reason: string; until?: Date }
  profile?: { name?: string; gender?: string; age?: number; occupation?: string; bio?: string }
}

export async function seedUser(db: DbOrTx, opts: SeedUserOptions = {}) {
  const s = suffix()
  const email = (opts.email ?? `traveller-${s}@example.test`).toLowerCase()
  const password = opts.password ?? 'connecto-test-password'
  const user = await db.user.create({
    data: {
      email,
      passwordHash: await hashDemoPassword(password),
      role: opts.role ?? 'USER',
      isBanned: !!opts.banned,
      banReason: opts.banned?.reason,
      bannedUntil: opts.banned?.until,
      profile: {
        create: {
          nickname: opts.nickname ?? `traveller-${s}`,
          ...opts.profile,
          profileCompletion: opts.profile ? 80 : 20,
        },
      },
      identities: { create: { provider: 'PASSWORD', providerAccountId: email, email } },
    },
  })
  return { ...user, password }
}

export type SeedTravelOptions = {
  hostId: string
  name?: string
  inviteCode?: string
  startDate?: Date
  endDate?: Date
  status?: 'PLANNING' | 'ACTIVE' | 'ENDED'
  visibility?: 'PUBLIC' | 'INVITE_ONLY'
  members?: { userId: string; role?: 'MODERATOR' | 'PARTICIPANT' }[]
}

/** A travel with a General (GROUP) and an Announcements planet, every member in both. */
export async function seedTravel(db: DbOrTx, opts: SeedTravelOptions) {
  const day = 24 * 3600 * 1000
  const now = Date.now()
  const members = [{ userId: opts.hostId, role: 'HOST' as const }, ...(opts.members ?? [])]
  const travel = await db.travel.create({
    data: {
      name: opts.name ?? `Trip ${suffix()}`,
      inviteCode: opts.inviteCode ?? suffix().toUpperCase().replace(/[01]/g, 'X').padEnd(8, 'Z').slice(0, 8),
      startDate: opts.startDate ?? new Date(now - day),
      endDate: opts.endDate ?? new Date(now + 7 * day),
      status: opts.status ?? 'ACTIVE',
      visibility: opts.visibility ?? 'INVITE_ONLY',
      createdById: opts.hostId,
      members: { create: members.map((m) => ({ userId: m.userId, role: m.role ?? 'PARTICIPANT' })) },
    },
  })
  const planetFor = (name: string, type: 'GROUP' | 'ANNOUNCEMENT') =>
    db.planet.create({
      data: {
        travelId: travel.id,
        name,
        type,
        createdById: opts.hostId,
        members: {
          create: members.map((m) => ({
            userId: m.userId,
            // Travel staff moderate every planet; a member without a role is a participant.
            role: (m.role ?? 'PARTICIPANT') === 'PARTICIPANT' ? ('MEMBER' as const) : ('MODERATOR' as const),
          })),
        },
      },
    })
  const general = await planetFor('General', 'GROUP')
  const announcements = await planetFor('Announcements', 'ANNOUNCEMENT')
  return { travel, general, announcements }
}
