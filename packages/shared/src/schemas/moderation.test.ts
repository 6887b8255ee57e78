import { describe, expect, it } from 'vitest'
import { ZBanFromTravelInput, ZMuteInput, ZResolveReportInput } from './moderation.ts'

describe('moderation schemas', () => {
  it('takes a preset mute length or an explicit end, nothing else', () => {
    const base = { planetId: 'p', userId: 'u' }
    expect(ZMuteInput.parse({ ...base, duration: '7d' }).duration).toBe('7d')
    const until = ZMuteInput.parse({ ...base, duration: { until: '2030-01-01T00:00:00Z' } }).duration
    expect(until).toEqual({ until: new Date('2030-01-01T00:00:00Z') })
    expect(ZMuteInput.safeParse({ ...base, duration: '2h' }).success).toBe(false)
  })

  it('requires a ban reason and bounds its length in hours', () => {
    const base = { travelId: 't', userId: 'u' }
    expect(ZBanFromTravelInput.safeParse({ ...base, reason: '  ' }).success).toBe(false)
    expect(ZBanFromTravelInput.safeParse({ ...base, reason: 'spam', durationHours: 0 }).success).toBe(false)
    expect(ZBanFromTravelInput.parse({ ...base, reason: 'spam', durationHours: 48 }).durationHours).toBe(48)
    expect(ZResolveReportInput.safeParse({ reportId: 'r', action: 'EXPLODE' }).success).toBe(false)
  })
})
