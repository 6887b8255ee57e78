import { describe, expect, it } from 'vitest'
import { parseTheme, themeToApply } from './theme'

describe('theme', () => {
  it('reads only light and dark as explicit themes', () => {
    expect(parseTheme('dark')).toBe('dark')
    expect(parseTheme('light')).toBe('light')
    expect(parseTheme('system')).toBe('system')
    expect(parseTheme('purple')).toBe('system')
    expect(parseTheme(null)).toBe('system')
  })

  it('applies the saved account theme only when this browser cached another one', () => {
    expect(themeToApply('dark', 'system')).toBe('dark')
    expect(themeToApply('system', 'dark')).toBe('system')
    expect(themeToApply('dark', 'dark')).toBeNull()
    // No profile answer yet: keep what the boot script applied.
    expect(themeToApply(undefined, 'dark')).toBeNull()
    expect(themeToApply(null, 'light')).toBeNull()
  })
})
