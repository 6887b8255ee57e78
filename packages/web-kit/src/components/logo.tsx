/** The app's name and, beside it, an optional badge ("Admin"). */
export type AppIdentity = { name: string; badge: string | null }

export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="connecto-mark" x1="0" y1="0" x2="32" y2="32" gradientUnits="userSpaceOnUse">
          <stop offset="0" stopColor="var(--accent)" />
          <stop offset="1" stopColor="var(--accent-2)" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="9" fill="url(#connecto-mark)" />
      <path
        d="M8.5 12.5a4.5 4.5 0 0 1 4.5-4.5h6a4.5 4.5 0 0 1 4.5 4.5v3a4.5 4.5 0 0 1-4.5 4.5h-3.2L11 23.4V19.7a4.5 4.5 0 0 1-2.5-4z"
        fill="#fff"
      />
      <circle cx="13.3" cy="14" r="1.3" fill="var(--accent)" />
      <circle cx="18.7" cy="14" r="1.3" fill="var(--accent-2)" />
    </svg>
  )
}

export function Logo({ name, badge }: AppIdentity) {
  return (
    <span className="logo">
      <LogoMark />
      <span className="logo-name">{name}</span>
      {badge ? <span className="logo-badge">{badge}</span> : null}
    </span>
  )
}
