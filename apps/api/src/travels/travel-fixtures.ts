// Test fixtures for the travels integration tests: a staffed travel, and a snapshot of every row a
// travel action could touch so a refusal can be shown to change nothing.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { expect } from 'vitest'
import { callerFor, codeOf } from '../../test/harness.ts'
import type { Runtime } from '../runtime.ts'

export const day = 24 * 3600 * 1000

export function travelFixtures(rt: Runtime) {
  /** A travel with a host, a moderator and a participant, plus an outsider and a platform admin. */
  async function setup(opts: Partial<Parameters<typeof seedTravel>[1]> = {}) {
    const [host, mod, part, outsider, admin] = await Promise.all([
      seedUser(rt.db),
      seedUser(rt.db),
      seedUser(rt.db),
      seedUser(rt.db),
      seedUser(rt.db, { role: 'ADMIN' }),
    ])
    const { travel, general, announcements } = await seedTravel(rt.db, {
      hostId: host.id,
      members: [
        { userId: mod.id, role: 'MODERATOR' },
        { userId: part.id, role: 'PARTICIPANT' },
      ],
      ...opts,
    })
    const as = (u: { id: string }) => callerFor(rt, u.id)
    return { host, mod, part, outsider, admin, travel, planets: [general, announcements], as }
  }

  async function snapshot(travelId: string) {
    const [travel, members, planetMembers, audits] = await Promise.all([
      rt.db.travel.findUniqueOrThrow({ where: { id: travelId } }),
      rt.db.travelUser.findMany({ where: { travelId }, orderBy: { id: 'asc' } }),
      rt.db.planetUser.findMany({ where: { planet: { travelId } }, orderBy: { id: 'asc' } }),
      rt.db.auditLog.count(),
    ])
    return { travel, members, planetMembers, audits }
  }

  async function expectRefusedUnchanged(travelId: string, call: () => Promise<unknown>, code: string) {
    const before = await snapshot(travelId)
    expect(await codeOf(call())).toBe(code)
    expect(await snapshot(travelId)).toEqual(before)
  }

  const memberRow = (travelId: string, userId: string) =>
    rt.db.travelUser.findUniqueOrThrow({ where: { travelId_userId: { travelId, userId } } })

  const planetRows = (travelId: string, userId: string) =>
    rt.db.planetUser.findMany({ where: { userId, planet: { travelId } } })

  return { setup, snapshot, expectRefusedUnchanged, memberRow, planetRows }
}
