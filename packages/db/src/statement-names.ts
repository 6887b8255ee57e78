// Names for prepared statements, so Postgres parses and plans each distinct query once per connection
// instead of on every call (the adapter sends unnamed statements otherwise, and the send path's
// statements are large). The name is a hash of the SQL text, so one name never stands for two texts.
// Distinct texts are capped: Prisma's IN-lists make a text per list length, and every named statement
// stays prepared on each pool connection; past the cap, queries go unnamed as before. Queries without
// parameters stay unnamed too: they go over the simple protocol, which allows several statements.
import { createHash } from 'node:crypto'

export const MAX_NAMED_STATEMENTS = 1000

export function createStatementNamer(max = MAX_NAMED_STATEMENTS) {
  const names = new Map<string, string>()
  return (query: { sql: string; args: unknown[] }) => {
    if (query.args.length === 0) return ''
    const known = names.get(query.sql)
    if (known !== undefined) return known
    if (names.size >= max) return ''
    const name = `s_${createHash('sha1').update(query.sql).digest('base64url')}`
    names.set(query.sql, name)
    return name
  }
}
