// Names for prepared statements, so Postgres parses and plans a repeated query once per connection
// instead of on every call (the adapter sends unnamed statements otherwise, and the send path's
// statements are large). The name is a hash of the SQL text, so one name never stands for two texts.
// Every named statement stays prepared on each pool connection, so only texts seen twice get a name
// (one-off queries stay unnamed) and named texts are capped: Prisma's IN-lists make a text per list
// length. Queries without parameters stay unnamed: they go over the simple protocol, which allows
// several statements in one text.
import { createHash } from 'node:crypto'

export const MAX_NAMED_STATEMENTS = 500
/** Texts seen once, remembered until this many, then forgotten and counted afresh. */
const MAX_SEEN_ONCE = 5000

export function createStatementNamer(max = MAX_NAMED_STATEMENTS) {
  const names = new Map<string, string>()
  const seenOnce = new Set<string>()
  return (query: { sql: string; args: unknown[] }) => {
    if (query.args.length === 0) return ''
    const known = names.get(query.sql)
    if (known !== undefined) return known
    if (names.size >= max) return ''
    if (!seenOnce.has(query.sql)) {
      if (seenOnce.size >= MAX_SEEN_ONCE) seenOnce.clear()
      seenOnce.add(query.sql)
      return ''
    }
    seenOnce.delete(query.sql)
    const name = `s_${createHash('sha1').update(query.sql).digest('base64url')}`
    names.set(query.sql, name)
    return name
  }
}
