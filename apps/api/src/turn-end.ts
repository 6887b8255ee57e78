// Work deferred to the end of the current turn of the event loop, after the I/O callbacks of this turn
// (setImmediate), and run there together. Redis commands issued together leave in one write (ioredis
// auto-pipelining flushes once per tick), where commands issued from separate socket reads would
// each cost their own system call.
const deferred: (() => void)[] = []

function runDeferred() {
  for (const run of deferred.splice(0)) run()
}

/** Runs `work` at the end of this turn, with everything else deferred in it; resolves with its result. */
export function atTurnEnd<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => {
      try {
        work().then(resolve, reject)
      } catch (err) {
        reject(err)
      }
    }
    if (deferred.push(run) === 1) setImmediate(runDeferred)
  })
}
