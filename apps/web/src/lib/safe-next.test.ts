import { describe, expect, it } from 'vitest'
import { safeNext } from './safe-next'

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/join/JEJUTRPS')).toBe('/join/JEJUTRPS')
    expect(safeNext(['/travels/1', '/x'])).toBe('/travels/1')
  })

  it('refuses other hosts and falls back to home', () => {
    expect(safeNext('//evil.example/x')).toBe('/')
    expect(safeNext('https://evil.example')).toBe('/')
    expect(safeNext(undefined)).toBe('/')
  })
})
