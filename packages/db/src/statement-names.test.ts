import { describe, expect, it } from 'vitest'
import { createStatementNamer } from './statement-names.ts'

describe('createStatementNamer', () => {
  it('names a text from its second use on, the same way every time, and different texts differently', () => {
    const name = createStatementNamer()
    expect(name({ sql: 'SELECT $1', args: [1] })).toBe('')
    const a = name({ sql: 'SELECT $1', args: [2] })
    expect(a).toMatch(/^s_/)
    expect(name({ sql: 'SELECT $1', args: [3] })).toBe(a)
    name({ sql: 'SELECT $1 + 1', args: [2] })
    expect(name({ sql: 'SELECT $1 + 1', args: [2] })).not.toBe(a)
  })

  it('leaves parameterless queries unnamed, so they keep the simple protocol', () => {
    const name = createStatementNamer()
    name({ sql: 'BEGIN', args: [] })
    expect(name({ sql: 'BEGIN', args: [] })).toBe('')
  })

  it('stops naming new texts past the cap but keeps naming the known ones', () => {
    const name = createStatementNamer(1)
    name({ sql: 'SELECT $1', args: [1] })
    const a = name({ sql: 'SELECT $1', args: [1] })
    name({ sql: 'SELECT $1, $2', args: [1, 2] })
    expect(name({ sql: 'SELECT $1, $2', args: [1, 2] })).toBe('')
    expect(name({ sql: 'SELECT $1', args: [1] })).toBe(a)
  })
})
