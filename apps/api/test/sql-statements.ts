// Counts the SQL statements a function sends to a runtime's database, for statement-budget tests.
//
// Counting happens in the pg driver (every statement Prisma's pg adapter runs goes through
// pg.Client#query), not through Prisma's `query` log events: those need the client built with a log
// option and, with driver adapters, miss the adapter's own BEGIN (prisma/orm#27155). Statements are
// attributed to the call through AsyncLocalStorage, so concurrent work elsewhere in the test process is
// not counted; pool callbacks are bound to the caller's context because pg-pool may hand a queued
// caller its connection from inside another caller's release.
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks'
import pg from 'pg'
import type { Runtime } from '../src/runtime.ts'

type Recorder = { database: string; statements: string[]; transactionControl: string[] }

const recorders = new AsyncLocalStorage<Recorder>()
let installed = false

/** Transaction bookkeeping, reported apart: it is not work a budget is about. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SET TRANSACTION)\b/i

function install() {
  if (installed) return
  installed = true
  const clientQuery = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const recorder = recorders.getStore()
    if (recorder && this.database === recorder.database) {
      const first = args[0]
      const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '')
      if (TRANSACTION_CONTROL.test(text)) recorder.transactionControl.push(text.trim())
      else recorder.statements.push(text.trim())
    }
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof clientQuery
  const poolConnect = pg.Pool.prototype.connect
  pg.Pool.prototype.connect = function (this: pg.Pool, ...args: unknown[]) {
    const [callback] = args
    if (typeof callback === 'function') args[0] = AsyncResource.bind(callback as (...a: unknown[]) => unknown)
    return (poolConnect as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof poolConnect
}

/**
 * Runs `fn` and returns its result with the statements it sent to `rt`'s database, in order.
 * BEGIN/COMMIT/ROLLBACK are not in `statements`; they are listed in `transactionControl`.
 */
export async function countStatements<T>(rt: Runtime, fn: () => Promise<T>) {
  install()
  const database = new URL(rt.config.databaseUrl).pathname.slice(1)
  const recorder: Recorder = {
    database: decodeURIComponent(database),
    statements: [],
    transactionControl: [],
  }
  // Awaited inside the context: a PrismaPromise is lazy and only runs when someone calls its then().
  const result = await recorders.run(recorder, async () => await fn())
  return { result, statements: recorder.statements, transactionControl: recorder.transactionControl }
}
