// The colour theme is a choice of this browser: kept in localStorage and applied as <html data-theme>.
export type Theme = 'system' | 'light' | 'dark'

const KEY = 'connecto.theme'

export function readTheme(): Theme {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

export function applyTheme(theme: Theme) {
  localStorage.setItem(KEY, theme)
  if (theme === 'system') document.documentElement.removeAttribute('data-theme')
  else document.documentElement.dataset.theme = theme
}

/** Runs before the page paints (inline in <head>), so a dark theme never flashes light. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`
