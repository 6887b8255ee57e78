// Sending is bound by the planet's chat hours: a DAILY window built around the current UTC time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf, createTestRuntime } from '../../test/harness.ts'
import { travelFixtures } from '../travels/travel-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(() => t.close())

/** 'HH:mm' in UTC, `hours` from now. */
const utcIn = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString().slice(11, 16)

async function planetWithWindow(startIn: number, endIn: number) {
  const s = await travelFixtures(t.rt).setup()
  const planet = await (await s.as(s.host)).planets.create({
    travelId: s.travel.id,
    name: 'Night owls',
    timeRestrictionType: 'DAILY',
    timeRestriction: { startTime: utcIn(startIn), endTime: utcIn(endIn) },
    timeZone: 'UTC',
  })
  return { ...s, planet }
}

describe('chat hours on send', () => {
  it('refuses everyone, hosts included, with PLT004 and the next opening while closed', async () => {
    const s = await planetWithWindow(2, 3)
    expect(s.planet.chatHours.open).toBe(false)
    for (const user of [s.part, s.host]) {
      const send = (await s.as(user)).messages.send({
        planetId: s.planet.id,
        clientMessageId: `closed-${user.id}`,
        content: 'too early',
      })
      const err = await send.catch((e: unknown) => e)
      expect(await codeOf(Promise.reject(err))).toBe('PLT004')
      expect((err as Error).message).toBe(
        `Chat is closed now. It opens at ${s.planet.chatHours.nextOpenAt?.toISOString()}.`,
      )
    }
    expect(await t.rt.db.message.count({ where: { planetId: s.planet.id } })).toBe(0)
  })

  it('accepts sends while the window is open', async () => {
    const s = await planetWithWindow(-1, 1)
    expect(s.planet.chatHours.open).toBe(true)
    const sent = await (await s.as(s.part)).messages.send({
      planetId: s.planet.id,
      clientMessageId: 'open-0001',
      content: 'hello',
    })
    expect(sent.content).toBe('hello')
  })

  it('never closes announcement planets', async () => {
    const s = await travelFixtures(t.rt).setup()
    const announcements = s.planets[1]?.id ?? ''
    await t.rt.db.planet.update({
      where: { id: announcements },
      data: { timeRestrictionType: 'DAILY', timeRestriction: { startTime: utcIn(2), endTime: utcIn(3) } },
    })
    const sent = await (await s.as(s.host)).messages.send({
      planetId: announcements,
      clientMessageId: 'announce-1',
      content: 'Bus leaves at 9',
    })
    expect(sent.content).toBe('Bus leaves at 9')
  })
})
