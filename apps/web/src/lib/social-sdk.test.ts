import { describe, expect, it } from 'vitest'
import { appleScript, isAppleCancel, nicknameFromApple, socialRefusalKey } from './social-sdk'

describe('social sign-in helpers', () => {
  it('words each api refusal by its code and anything else as a failure', () => {
    expect(socialRefusalKey('AUTH009')).toBe('AUTH009')
    expect(socialRefusalKey('AUTH006')).toBe('AUTH006')
    expect(socialRefusalKey('UNREACHABLE')).toBe('failed')
    expect(socialRefusalKey('CredentialsSignin')).toBe('failed')
    expect(socialRefusalKey(undefined)).toBe('failed')
  })

  it('takes a nickname from the name Apple sends on the first sign-in only', () => {
    expect(nicknameFromApple({ user: { name: { firstName: 'Sora', lastName: 'Kim' } } })).toBe('Sora Kim')
    expect(nicknameFromApple({ authorization: { id_token: 'x' } })).toBeUndefined()
    expect(nicknameFromApple({ user: { name: { firstName: 'S' } } })).toBeUndefined()
  })

  it('tells a closed Apple popup from a failure', () => {
    expect(isAppleCancel({ error: 'popup_closed_by_user' })).toBe(true)
    expect(isAppleCancel({ error: 'invalid_client' })).toBe(false)
    expect(isAppleCancel(new Error('x'))).toBe(false)
  })

  it('loads the Apple script in the reader language', () => {
    expect(appleScript('ko')).toContain('/ko_KR/appleid.auth.js')
    expect(appleScript('en')).toContain('/en_US/appleid.auth.js')
  })
})
