// The per-connection caller memo: repeated calls on one connection read the user once, refusals are
// never remembered, and a context without a memo (one-off HTTP-style callers) reads every time.
import { seedUser } from '@connecto/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../test/harness.ts'
import { countStatements } from '../../test/sql-statements.ts'
import { loadCaller, newCallerMemo } from './caller-memo.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  t = await createTestRuntime()
})
afterAll(async () => {
  await t.close()
})

describe('loadCaller', () => {
  it('reads the user once per memo while it is fresh', async () => {
    const user = await seedUser(t.rt.db)
    const memo = newCallerMemo()
    const first = await countStatements(t.rt, () => loadCaller(t.rt, user.id, memo))
    const again = await countStatements(t.rt, () => loadCaller(t.rt, user.id, memo))
    expect(first.statements).toHaveLength(1)
    expect(again.statements).toHaveLength(0)
    expect(again.result).toEqual(first.result)
  })

  it('reads again once the memo is stale, and without a memo every time', async () => {
    const user = await seedUser(t.rt.db)
    const memo = newCallerMemo()
    await loadCaller(t.rt, user.id, memo)
    memo.until = Date.now() - 1
    expect((await countStatements(t.rt, () => loadCaller(t.rt, user.id, memo))).statements).toHaveLength(1)
    expect((await countStatements(t.rt, () => loadCaller(t.rt, user.id, undefined))).statements).toHaveLength(
      1,
    )
  })

  it('does not remember a refusal: a banned caller is refused on every call', async () => {
    const user = await seedUser(t.rt.db)
    await t.rt.db.user.update({ where: { id: user.id }, data: { isBanned: true } })
    const memo = newCallerMemo()
    await expect(loadCaller(t.rt, user.id, memo)).rejects.toMatchObject({ code: 'AUTH006' })
    await expect(loadCaller(t.rt, user.id, memo)).rejects.toMatchObject({ code: 'AUTH006' })
    expect(memo.user).toBeNull()
  })
})
