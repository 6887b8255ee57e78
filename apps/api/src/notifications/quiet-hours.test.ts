import { describe, expect, it } from 'vitest'
import { isInside, localMinutes, quietHoursEnd, toClockMinutes } from './quiet-hours.ts'

const q = (timeZone: string, start: string, end: string) => ({
  timeZone,
  start: toClockMinutes(start),
  end: toClockMinutes(end),
})

describe('quiet hours', () => {
  it('reads the clock in the user’s time zone', () => {
    const at = new Date('2026-01-15T14:05:00Z')
    expect(localMinutes(at, 'Asia/Seoul')).toBe(23 * 60 + 5)
    expect(localMinutes(at, 'America/New_York')).toBe(9 * 60 + 5)
    expect(localMinutes(at, 'Asia/Kolkata')).toBe(19 * 60 + 35)
  })

  it('handles windows that wrap past midnight and ones that do not', () => {
    expect(isInside(toClockMinutes('23:30'), toClockMinutes('22:00'), toClockMinutes('07:00'))).toBe(true)
    expect(isInside(toClockMinutes('06:59'), toClockMinutes('22:00'), toClockMinutes('07:00'))).toBe(true)
    expect(isInside(toClockMinutes('07:00'), toClockMinutes('22:00'), toClockMinutes('07:00'))).toBe(false)
    expect(isInside(toClockMinutes('13:00'), toClockMinutes('12:00'), toClockMinutes('14:00'))).toBe(true)
    expect(isInside(toClockMinutes('14:00'), toClockMinutes('12:00'), toClockMinutes('14:00'))).toBe(false)
    expect(isInside(toClockMinutes('10:00'), toClockMinutes('10:00'), toClockMinutes('10:00'))).toBe(false)
  })

  it('gives the end of the current quiet hours as an instant, or null outside them', () => {
    const at = new Date('2026-01-15T14:05:30Z')
    expect(quietHoursEnd(at, q('Asia/Seoul', '22:00', '07:00'))).toEqual(new Date('2026-01-15T22:00:00Z'))
    expect(quietHoursEnd(at, q('America/New_York', '22:00', '07:00'))).toBeNull()
    expect(quietHoursEnd(at, q('America/New_York', '09:00', '09:30'))).toEqual(
      new Date('2026-01-15T14:30:00Z'),
    )
    expect(quietHoursEnd(at, null)).toBeNull()
  })

  it('follows daylight saving time: the same local hours are different UTC instants', () => {
    const winter = new Date('2026-01-15T03:30:00Z') // 22:30 EST
    const summer = new Date('2026-07-15T02:30:00Z') // 22:30 EDT
    const nights = q('America/New_York', '22:00', '07:00')
    expect(quietHoursEnd(winter, nights)).toEqual(new Date('2026-01-15T12:00:00Z'))
    expect(quietHoursEnd(summer, nights)).toEqual(new Date('2026-07-15T11:00:00Z'))
  })
})
