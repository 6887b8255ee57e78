// Work deferred to the end of the current turn of the event loop, after the I/O callbacks of this turn
// (one setImmediate for all of it), and run there together. Sends read in one turn then share a
// statement, frames written to one socket leave in one write, and Redis commands issued together leave
// in one write too (ioredis auto-pipelining flushes once per tick), where work started from separate
// socket reads would each cost its own system call.
const deferred: (() => void)[] = []

function runDeferred() {
  for (const run of deferred.splice(0)) {
    try {
      run()
    } catch (err) {
      // One failing callback must not drop the others; it still surfaces as an uncaught error.
      queueMicrotask(() => {
        throw err
      })
    }
  }
}

/** Runs `run` at the end of this turn, after everything deferred before it. */
export function onTurnEnd(run: () => void) {
  if (deferred.push(run) === 1) setImmediate(runDeferred)
}

/** Runs `work` at the end of this turn, with everything else deferred in it; resolves with its result. */
export function atTurnEnd<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    onTurnEnd(() => {
      try {
        work().then(resolve, reject)
      } catch (err) {
        reject(err)
      }
    })
  })
}
