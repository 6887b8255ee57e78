import { describe, expect, it } from 'vitest'
import { ERRORS, HTTP_STATUS } from './errors.ts'
import { canPostIn, canUseAdminApp, isTravelStaff } from './permissions.ts'
import { ZSignUpInput } from './schemas/auth.ts'
import { ZListMessagesInput, ZSendMessageInput } from './schemas/message.ts'
import { ZCreateTravelInput, ZJoinTravelInput } from './schemas/travel.ts'

describe('shared schemas', () => {
  it('normalises email and names the failing field', () => {
    expect(
      ZSignUpInput.parse({ email: ' Mina@Connecto.DEV ', password: 'long-enough', nickname: 'Mina' }).email,
    ).toBe('mina@connecto.dev')
    const bad = ZSignUpInput.safeParse({ email: 'mina', password: 'short', nickname: 'M' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['email', 'nickname', 'password'])
  })

  it('bounds message text and history pages', () => {
    expect(
      ZSendMessageInput.safeParse({ planetId: 'p', clientMessageId: 'client-1', content: '   ' }).success,
    ).toBe(false)
    expect(
      ZSendMessageInput.safeParse({ planetId: 'p', clientMessageId: 'client-1', content: 'x'.repeat(4001) })
        .success,
    ).toBe(false)
    expect(ZListMessagesInput.parse({ planetId: 'p' }).limit).toBe(50)
    expect(ZListMessagesInput.safeParse({ planetId: 'p', limit: 101 }).success).toBe(false)
  })

  it('upper-cases invite codes and checks travel dates', () => {
    expect(ZJoinTravelInput.parse({ inviteCode: 'jejutrps' }).inviteCode).toBe('JEJUTRPS')
    expect(ZJoinTravelInput.safeParse({ inviteCode: 'short' }).success).toBe(false)
    const backwards = ZCreateTravelInput.safeParse({
      name: 'Trip',
      startDate: '2026-05-02',
      endDate: '2026-05-01',
    })
    expect(backwards.error?.issues[0]?.path).toEqual(['endDate'])
  })

  it('maps every error code to an HTTP status', () => {
    for (const spec of Object.values(ERRORS)) expect(HTTP_STATUS[spec.trpc]).toBeGreaterThanOrEqual(400)
  })
})

describe('permission rules', () => {
  it('lets only staff post in announcement planets', () => {
    expect(canPostIn('ANNOUNCEMENT', { role: 'PARTICIPANT', status: 'ACTIVE' })).toBe(false)
    expect(canPostIn('ANNOUNCEMENT', { role: 'MODERATOR', status: 'ACTIVE' })).toBe(true)
    expect(canPostIn('ANNOUNCEMENT', { role: 'PARTICIPANT', status: 'ACTIVE' }, 'MODERATOR')).toBe(true)
    expect(canPostIn('GROUP', { role: 'PARTICIPANT', status: 'ACTIVE' })).toBe(true)
    expect(canPostIn('GROUP', { role: 'HOST', status: 'BANNED' })).toBe(false)
  })

  it('opens the admin app to admins and hosts only', () => {
    expect(canUseAdminApp('ADMIN')).toBe(true)
    expect(canUseAdminApp('HOST')).toBe(true)
    expect(canUseAdminApp('USER')).toBe(false)
    expect(isTravelStaff({ role: 'HOST', status: 'LEFT' })).toBe(false)
  })
})
