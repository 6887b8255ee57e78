// The colour theme: saved on the account (users.updateSettings) so every device follows it, and cached in
// this browser's localStorage so the page can apply it before it paints. Applied as <html data-theme>.
export type Theme = 'system' | 'light' | 'dark'

const KEY = 'connecto.theme'

/** Any stored or received value as a theme; unknown values mean "match the system". */
export function parseTheme(value: unknown): Theme {
  return value === 'light' || value === 'dark' ? value : 'system'
}

/** The theme to apply now when the account says `saved` and this browser cached `cached`; null when nothing changes. */
export function themeToApply(saved: unknown, cached: Theme): Theme | null {
  if (saved === undefined || saved === null) return null
  const theme = parseTheme(saved)
  return theme === cached ? null : theme
}

export function readTheme(): Theme {
  return parseTheme(typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY))
}

export function applyTheme(theme: Theme) {
  localStorage.setItem(KEY, theme)
  if (theme === 'system') document.documentElement.removeAttribute('data-theme')
  else document.documentElement.dataset.theme = theme
}

/** Runs before the page paints (inline in <head>), so a dark theme never flashes light. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`
