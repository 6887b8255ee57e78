// Initial-letter avatars with a colour that stays the same for a person.
const initialOf = (name: string) => name.match(/[\p{L}\p{N}]/u)?.[0]?.toUpperCase() ?? '?'

function hueOf(seed: string) {
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0
  return Math.abs(hash) % 360
}

/** `presence` draws a dot: green online, amber away, grey offline. */
type AvatarProps = { name: string; seed?: string; size?: number; presence?: 'online' | 'away' | 'offline' }

export function Avatar({ name, seed, size = 36, presence }: AvatarProps) {
  const hue = hueOf(seed ?? name)
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: size * 0.42,
        background: `hsl(${hue} 70% 92%)`,
        color: `hsl(${hue} 55% 32%)`,
      }}
    >
      {initialOf(name)}
      {presence ? <span className="presence-dot" data-presence={presence} /> : null}
    </span>
  )
}
