import { describe, expect, it } from 'vitest'
import { localeFromAcceptLanguage, matchLocale, pickLocale } from './locales'

describe('locales', () => {
  it('matches language tags to the shipped locales', () => {
    expect(matchLocale('ko-KR')).toBe('ko')
    expect(matchLocale('EN_gb')).toBe('en')
    expect(matchLocale('ja')).toBeNull()
    expect(matchLocale(undefined)).toBeNull()
  })

  it('reads Accept-Language by weight', () => {
    expect(localeFromAcceptLanguage('ja;q=1, ko-KR;q=0.8, en;q=0.5')).toBe('ko')
    expect(localeFromAcceptLanguage('en;q=0.4, ko;q=0.9')).toBe('ko')
    expect(localeFromAcceptLanguage('fr, de;q=0.5')).toBeNull()
    expect(localeFromAcceptLanguage('ko;q=0')).toBeNull()
  })

  it('prefers the saved setting, then the cookie, then the browser, then English', () => {
    expect(pickLocale({ saved: 'ko', cookie: 'en', acceptLanguage: 'en' })).toBe('ko')
    expect(pickLocale({ saved: 'ja', cookie: 'ko', acceptLanguage: 'en' })).toBe('ko')
    expect(pickLocale({ cookie: 'bogus', acceptLanguage: 'ko-KR,ko;q=0.9' })).toBe('ko')
    expect(pickLocale({})).toBe('en')
  })
})
