/** A `next` query value kept only when it is a path on this site (never `//host` or a full URL). */
export function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/'
}
