import { ZTimeRestriction } from '@connecto/shared'
import { describe, expect, it } from 'vitest'
import {
  type ChatAvailability,
  chatAvailability,
  type PlanetChatHours,
  zonedTimeToUtc,
} from './time-window.ts'

type Plain = { open: boolean; nextOpenAt: string | null; closesAt: string | null }

function at(hours: PlanetChatHours, iso: string): Plain {
  return plain(chatAvailability(hours, new Date(iso)))
}

function plain(a: ChatAvailability): Plain {
  return {
    open: a.open,
    nextOpenAt: a.nextOpenAt?.toISOString() ?? null,
    closesAt: a.closesAt?.toISOString() ?? null,
  }
}

const openUntil = (iso: string): Plain => ({ open: true, nextOpenAt: null, closesAt: iso })
const closedUntil = (iso: string): Plain => ({ open: false, nextOpenAt: iso, closesAt: null })
const ALWAYS: Plain = { open: true, nextOpenAt: null, closesAt: null }
const NEVER: Plain = { open: false, nextOpenAt: null, closesAt: null }

function utc(timeZone: string, date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number)
  const [h, m] = time.split(':').map(Number)
  return new Date(
    zonedTimeToUtc(timeZone, { year: year!, month: month!, day: day! }, h! * 60 + m!),
  ).toISOString()
}

describe('chatAvailability — NONE', () => {
  it('is always open', () => {
    expect(at({ type: 'NONE', restriction: null, timeZone: 'Asia/Seoul' }, '2026-06-10T03:00:00Z')).toEqual(
      ALWAYS,
    )
    expect(at({ type: null, restriction: undefined, timeZone: 'UTC' }, '2026-06-10T03:00:00Z')).toEqual(
      ALWAYS,
    )
  })
})

describe('chatAvailability — DAILY', () => {
  const seoul = (startTime: string, endTime: string): PlanetChatHours => ({
    type: 'DAILY',
    restriction: { startTime, endTime },
    timeZone: 'Asia/Seoul',
  })

  it('is open inside the window and says when it closes', () => {
    // 12:00 KST
    expect(at(seoul('09:00', '18:00'), '2026-06-10T03:00:00Z')).toEqual(openUntil('2026-06-10T09:00:00.000Z'))
  })

  it('is closed outside the window and says when it next opens', () => {
    // 19:00 KST → 09:00 KST tomorrow
    expect(at(seoul('09:00', '18:00'), '2026-06-10T10:00:00Z')).toEqual(
      closedUntil('2026-06-11T00:00:00.000Z'),
    )
    // 08:00 KST → 09:00 KST today
    expect(at(seoul('09:00', '18:00'), '2026-06-09T23:00:00Z')).toEqual(
      closedUntil('2026-06-10T00:00:00.000Z'),
    )
  })

  it('treats start as open and end as closed', () => {
    expect(at(seoul('09:00', '18:00'), '2026-06-10T00:00:00Z')).toEqual(openUntil('2026-06-10T09:00:00.000Z'))
    expect(at(seoul('09:00', '18:00'), '2026-06-10T09:00:00Z')).toEqual(
      closedUntil('2026-06-11T00:00:00.000Z'),
    )
  })

  it('crosses midnight when endTime <= startTime', () => {
    const night = seoul('22:00', '02:00')
    // 23:30 KST on the 10th → closes 02:00 KST on the 11th
    expect(at(night, '2026-06-10T14:30:00Z')).toEqual(openUntil('2026-06-10T17:00:00.000Z'))
    // 01:00 KST on the 11th, still the window that started on the 10th
    expect(at(night, '2026-06-10T16:00:00Z')).toEqual(openUntil('2026-06-10T17:00:00.000Z'))
    // 02:30 KST on the 11th → closed until 22:00 KST on the 11th
    expect(at(night, '2026-06-10T17:30:00Z')).toEqual(closedUntil('2026-06-11T13:00:00.000Z'))
  })

  it('a window with equal start and end runs all day, so chat never closes', () => {
    expect(at(seoul('00:00', '00:00'), '2026-06-10T03:00:00Z')).toEqual(ALWAYS)
  })
})

describe('chatAvailability — WEEKLY', () => {
  // Fri 2026-06-12, Sat 13, Sun 14, Mon 15, Tue 16, Wed 17 (KST = UTC+9)
  const hours: PlanetChatHours = {
    type: 'WEEKLY',
    restriction: {
      windows: [
        { daysOfWeek: [1, 3, 5], startTime: '09:00', endTime: '12:00' },
        { daysOfWeek: [6], startTime: '22:00', endTime: '03:00' },
      ],
    },
    timeZone: 'Asia/Seoul',
  }

  it('opens only on the listed days', () => {
    // Fri 10:00 KST
    expect(at(hours, '2026-06-12T01:00:00Z')).toEqual(openUntil('2026-06-12T03:00:00.000Z'))
    // Fri 13:00 KST → Sat 22:00 KST
    expect(at(hours, '2026-06-12T04:00:00Z')).toEqual(closedUntil('2026-06-13T13:00:00.000Z'))
    // Tue 10:00 KST → Wed 09:00 KST
    expect(at(hours, '2026-06-16T01:00:00Z')).toEqual(closedUntil('2026-06-17T00:00:00.000Z'))
  })

  it('a Saturday-night window runs into Sunday', () => {
    // Sat 23:00 KST → closes Sun 03:00 KST
    expect(at(hours, '2026-06-13T14:00:00Z')).toEqual(openUntil('2026-06-13T18:00:00.000Z'))
    // Sun 02:00 KST, same window
    expect(at(hours, '2026-06-13T17:00:00Z')).toEqual(openUntil('2026-06-13T18:00:00.000Z'))
    // Sun 04:00 KST → Mon 09:00 KST
    expect(at(hours, '2026-06-13T19:00:00Z')).toEqual(closedUntil('2026-06-15T00:00:00.000Z'))
    // Sun 23:00 KST: Sunday is not a start day → Mon 09:00 KST
    expect(at(hours, '2026-06-14T14:00:00Z')).toEqual(closedUntil('2026-06-15T00:00:00.000Z'))
  })

  it('back-to-back windows close at the end of the last one', () => {
    const chained: PlanetChatHours = {
      type: 'WEEKLY',
      restriction: {
        windows: [
          { daysOfWeek: [5], startTime: '20:00', endTime: '00:00' },
          { daysOfWeek: [6], startTime: '00:00', endTime: '02:00' },
        ],
      },
      timeZone: 'Asia/Seoul',
    }
    // Fri 21:00 KST → closes Sat 02:00 KST
    expect(at(chained, '2026-06-12T12:00:00Z')).toEqual(openUntil('2026-06-12T17:00:00.000Z'))
  })

  it('all-day windows on every day mean always open', () => {
    const allWeek: PlanetChatHours = {
      type: 'WEEKLY',
      restriction: { windows: [{ daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startTime: '06:00', endTime: '06:00' }] },
      timeZone: 'Asia/Seoul',
    }
    expect(at(allWeek, '2026-06-12T12:00:00Z')).toEqual(ALWAYS)
  })
})

describe('chatAvailability — CUSTOM', () => {
  const hours: PlanetChatHours = {
    type: 'CUSTOM',
    restriction: {
      windows: [
        { start: '2026-07-20T00:00:00Z', end: '2026-07-21T00:00:00Z' },
        { start: '2026-07-01T09:00:00+09:00', end: '2026-07-01T18:00:00+09:00' },
        { start: '2026-07-01T17:00:00+09:00', end: '2026-07-01T20:00:00+09:00' },
      ],
    },
    timeZone: 'Asia/Seoul',
  }

  it('uses absolute ranges, merging overlaps', () => {
    expect(at(hours, '2026-06-30T12:00:00Z')).toEqual(closedUntil('2026-07-01T00:00:00.000Z'))
    expect(at(hours, '2026-07-01T05:00:00Z')).toEqual(openUntil('2026-07-01T11:00:00.000Z'))
  })

  it('reports an opening further away than the wall-clock search horizon', () => {
    expect(at(hours, '2026-07-02T00:00:00Z')).toEqual(closedUntil('2026-07-20T00:00:00.000Z'))
  })

  it('never opens again after the last range', () => {
    expect(at(hours, '2026-07-21T00:00:00Z')).toEqual(NEVER)
    expect(at(hours, '2027-01-01T00:00:00Z')).toEqual(NEVER)
  })
})

describe('chatAvailability — DST', () => {
  it('America/New_York spring forward (2026-03-08): 02:30–03:30 starts at 03:00 EDT', () => {
    const ny: PlanetChatHours = {
      type: 'DAILY',
      restriction: { startTime: '02:30', endTime: '03:30' },
      timeZone: 'America/New_York',
    }
    // day before, EST: 07:30Z–08:30Z
    expect(at(ny, '2026-03-07T08:00:00Z')).toEqual(openUntil('2026-03-07T08:30:00.000Z'))
    // 01:00 EST → the nonexistent 02:30 moves to 03:00 EDT = 07:00Z
    expect(at(ny, '2026-03-08T06:00:00Z')).toEqual(closedUntil('2026-03-08T07:00:00.000Z'))
    // 03:10 EDT → closes 03:30 EDT
    expect(at(ny, '2026-03-08T07:10:00Z')).toEqual(openUntil('2026-03-08T07:30:00.000Z'))
    // 03:30 EDT → next day 02:30 EDT
    expect(at(ny, '2026-03-08T07:30:00Z')).toEqual(closedUntil('2026-03-09T06:30:00.000Z'))
  })

  it('America/New_York fall back (2026-11-01): 01:00–01:30 uses the first (EDT) pass only', () => {
    const ny: PlanetChatHours = {
      type: 'DAILY',
      restriction: { startTime: '01:00', endTime: '01:30' },
      timeZone: 'America/New_York',
    }
    expect(at(ny, '2026-11-01T04:30:00Z')).toEqual(closedUntil('2026-11-01T05:00:00.000Z'))
    // 01:10 EDT
    expect(at(ny, '2026-11-01T05:10:00Z')).toEqual(openUntil('2026-11-01T05:30:00.000Z'))
    // 01:10 EST (the repeated hour) → 01:00 EST on 11-02
    expect(at(ny, '2026-11-01T06:10:00Z')).toEqual(closedUntil('2026-11-02T06:00:00.000Z'))
  })

  it('Europe/Berlin spring forward (2026-03-29): a window inside the gap vanishes for that day', () => {
    const berlin: PlanetChatHours = {
      type: 'DAILY',
      restriction: { startTime: '02:15', endTime: '02:45' },
      timeZone: 'Europe/Berlin',
    }
    // 01:30 CET → skip the vanished window, 02:15 CEST on 03-30
    expect(at(berlin, '2026-03-29T00:30:00Z')).toEqual(closedUntil('2026-03-30T00:15:00.000Z'))
  })

  it('Europe/Berlin spring forward: a night window ending inside the gap closes at the jump', () => {
    const berlin: PlanetChatHours = {
      type: 'DAILY',
      restriction: { startTime: '22:00', endTime: '02:30' },
      timeZone: 'Europe/Berlin',
    }
    // 01:45 CET → 02:30 does not exist; closes at 03:00 CEST = 01:00Z
    expect(at(berlin, '2026-03-29T00:45:00Z')).toEqual(openUntil('2026-03-29T01:00:00.000Z'))
    // 03:10 CEST → 22:00 CEST
    expect(at(berlin, '2026-03-29T01:10:00Z')).toEqual(closedUntil('2026-03-29T20:00:00.000Z'))
  })

  it('Europe/Berlin fall back (2026-10-25): 02:00–02:30 uses the first (CEST) pass only', () => {
    const berlin: PlanetChatHours = {
      type: 'DAILY',
      restriction: { startTime: '02:00', endTime: '02:30' },
      timeZone: 'Europe/Berlin',
    }
    expect(at(berlin, '2026-10-25T00:10:00Z')).toEqual(openUntil('2026-10-25T00:30:00.000Z'))
    // 02:15 CET (the repeated hour) → 02:00 CET on 10-26
    expect(at(berlin, '2026-10-25T01:15:00Z')).toEqual(closedUntil('2026-10-26T01:00:00.000Z'))
  })
})

describe('zonedTimeToUtc', () => {
  it('resolves a DST gap to the first valid instant after it', () => {
    expect(utc('America/New_York', '2026-03-08', '01:59')).toBe('2026-03-08T06:59:00.000Z')
    expect(utc('America/New_York', '2026-03-08', '02:00')).toBe('2026-03-08T07:00:00.000Z')
    expect(utc('America/New_York', '2026-03-08', '02:30')).toBe('2026-03-08T07:00:00.000Z')
    expect(utc('America/New_York', '2026-03-08', '03:00')).toBe('2026-03-08T07:00:00.000Z')
    expect(utc('Europe/Berlin', '2026-03-29', '02:30')).toBe('2026-03-29T01:00:00.000Z')
  })

  it('resolves a DST overlap to the earlier instant', () => {
    expect(utc('America/New_York', '2026-11-01', '00:59')).toBe('2026-11-01T04:59:00.000Z')
    expect(utc('America/New_York', '2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z')
    expect(utc('America/New_York', '2026-11-01', '02:00')).toBe('2026-11-01T07:00:00.000Z')
    expect(utc('Europe/Berlin', '2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(utc('Europe/Berlin', '2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z')
  })

  it('Asia/Seoul has a fixed +09:00 offset', () => {
    expect(utc('Asia/Seoul', '2026-01-01', '00:00')).toBe('2025-12-31T15:00:00.000Z')
    expect(utc('Asia/Seoul', '2026-03-08', '02:30')).toBe('2026-03-07T17:30:00.000Z')
    expect(utc('Asia/Seoul', '2026-11-01', '01:00')).toBe('2026-10-31T16:00:00.000Z')
  })
})

describe('ZTimeRestriction', () => {
  const weekly = (daysOfWeek: number[]) => ({
    type: 'WEEKLY',
    windows: [{ daysOfWeek, startTime: '09:00', endTime: '10:00' }],
  })

  it('accepts every restriction type', () => {
    expect(ZTimeRestriction.safeParse({ type: 'NONE' }).success).toBe(true)
    expect(ZTimeRestriction.safeParse({ type: 'DAILY', startTime: '22:00', endTime: '02:00' }).success).toBe(
      true,
    )
    expect(ZTimeRestriction.safeParse(weekly([0, 6])).success).toBe(true)
    expect(
      ZTimeRestriction.safeParse({
        type: 'CUSTOM',
        windows: [{ start: '2026-07-01T09:00:00+09:00', end: '2026-07-01T18:00:00+09:00' }],
      }).success,
    ).toBe(true)
  })

  it('rejects bad times', () => {
    expect(ZTimeRestriction.safeParse({ type: 'DAILY', startTime: '25:00', endTime: '02:00' }).success).toBe(
      false,
    )
    expect(ZTimeRestriction.safeParse({ type: 'DAILY', startTime: '09:00', endTime: '9:60' }).success).toBe(
      false,
    )
    expect(ZTimeRestriction.safeParse({ type: 'DAILY', startTime: '9:00', endTime: '10:00' }).success).toBe(
      false,
    )
  })

  it('rejects empty daysOfWeek and day 7', () => {
    expect(ZTimeRestriction.safeParse(weekly([])).success).toBe(false)
    expect(ZTimeRestriction.safeParse(weekly([7])).success).toBe(false)
    expect(ZTimeRestriction.safeParse(weekly([-1])).success).toBe(false)
    expect(ZTimeRestriction.safeParse({ type: 'WEEKLY', windows: [] }).success).toBe(false)
  })

  it('rejects a CUSTOM window that ends before (or when) it starts', () => {
    const custom = (start: string, end: string) => ({ type: 'CUSTOM', windows: [{ start, end }] })
    expect(ZTimeRestriction.safeParse(custom('2026-07-02T00:00:00Z', '2026-07-01T00:00:00Z')).success).toBe(
      false,
    )
    expect(ZTimeRestriction.safeParse(custom('2026-07-01T00:00:00Z', '2026-07-01T00:00:00Z')).success).toBe(
      false,
    )
    expect(ZTimeRestriction.safeParse(custom('2026-07-01', '2026-07-02')).success).toBe(false)
  })

  it('chatAvailability throws on a restriction that does not match its type', () => {
    const bad: PlanetChatHours = { type: 'DAILY', restriction: { windows: [] }, timeZone: 'UTC' }
    expect(() => chatAvailability(bad, new Date('2026-06-10T00:00:00Z'))).toThrow()
  })
})
