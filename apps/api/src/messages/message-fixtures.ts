// Test fixtures for the message integration tests: a staffed travel with readable nicknames, a way to
// send quickly, and a snapshot of every row a message action could touch, so a refusal can be shown
// to change nothing.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { expect } from 'vitest'
import { callerFor, codeOf } from '../../test/harness.ts'
import type { Runtime } from '../runtime.ts'

export type Caller = Awaited<ReturnType<typeof callerFor>>

let n = 0
/** A clientMessageId unique across the test run. */
export const clientId = () => `cm-${Date.now()}-${++n}`

/** A clock the test moves forward, for the edit and restore windows. */
export function movableClock() {
  let offsetMs = 0
  return {
    clock: { now: () => new Date(Date.now() + offsetMs) },
    advance: (ms: number) => {
      offsetMs += ms
    },
  }
}

export function messageFixtures(rt: Runtime) {
  /** A host, a moderator, two participants, an outsider and a platform admin, with unique nicknames. */
  async function setup() {
    const tag = Math.random().toString(36).slice(2, 7)
    const [host, mod, part, other, outsider, admin] = await Promise.all(
      ['host', 'mod', 'part', 'other', 'outsider', 'admin'].map((role) =>
        seedUser(rt.db, { nickname: `${role}_${tag}`, role: role === 'admin' ? 'ADMIN' : 'USER' }),
      ),
    )
    const { travel, general, announcements } = await seedTravel(rt.db, {
      hostId: host!.id,
      members: [
        { userId: mod!.id, role: 'MODERATOR' },
        { userId: part!.id, role: 'PARTICIPANT' },
        { userId: other!.id, role: 'PARTICIPANT' },
      ],
    })
    const callers = {
      host: await callerFor(rt, host!.id),
      mod: await callerFor(rt, mod!.id),
      part: await callerFor(rt, part!.id),
      other: await callerFor(rt, other!.id),
      outsider: await callerFor(rt, outsider!.id),
      admin: await callerFor(rt, admin!.id),
    }
    const users = { host: host!, mod: mod!, part: part!, other: other!, outsider: outsider!, admin: admin! }
    return { tag, travel, general, announcements, users, as: callers }
  }

  const say = (caller: Caller, planetId: string, content: string, extra: { replyToId?: string } = {}) =>
    caller.messages.send({ planetId, clientMessageId: clientId(), content, ...extra })

  async function snapshot(planetId: string) {
    const [messages, reactions, events, planet] = await Promise.all([
      rt.db.message.findMany({ where: { planetId }, orderBy: { id: 'asc' } }),
      rt.db.messageReaction.findMany({ where: { message: { planetId } }, orderBy: { id: 'asc' } }),
      rt.db.planetEvent.findMany({ where: { planetId }, orderBy: { seq: 'asc' } }),
      rt.db.planet.findUniqueOrThrow({ where: { id: planetId }, select: { lastEventSeq: true } }),
    ])
    return { messages, reactions, events, planet }
  }

  async function expectRefusedUnchanged(planetId: string, call: () => Promise<unknown>, code: string) {
    const before = await snapshot(planetId)
    expect(await codeOf(call())).toBe(code)
    expect(await snapshot(planetId)).toEqual(before)
  }

  const eventsOf = async (planetId: string, afterSeq = 0) =>
    (
      await rt.db.planetEvent.findMany({
        where: { planetId, seq: { gt: afterSeq } },
        orderBy: { seq: 'asc' },
      })
    ).map((e) => e.payload as { type: string; seq: number; [k: string]: unknown })

  return { setup, say, snapshot, expectRefusedUnchanged, eventsOf }
}
