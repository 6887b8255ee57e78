// Natural batching ("group commit") for a hot statement: calls made in the same turn of the event loop
// go out together once the turn's I/O callbacks are done (turn-end.ts), and while `maxInFlight`
// batches are running, every call that arrives waits and goes in the next batch. No timer: an idle
// server pays well under a millisecond, a busy one sends one statement for many calls instead of one
// each, which is what Postgres and the socket between them pay for (a write that wakes Postgres costs
// the api more than the statement's own work at these sizes).
// When a batch of several fails, each of its calls is run again alone, so one bad call fails only itself.

import { onTurnEnd } from '../turn-end.ts'

export type BatchRunner<I, O> = (items: I[]) => Promise<O[]>

export class NaturalBatcher<I, O> {
  private queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = []
  private inFlight = 0
  private drainScheduled = false

  constructor(
    private readonly run: BatchRunner<I, O>,
    private readonly options: { maxInFlight: number; maxBatch: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject })
      if (!this.drainScheduled) {
        this.drainScheduled = true
        onTurnEnd(() => {
          this.drainScheduled = false
          this.drain()
        })
      }
    })
  }

  private async runChecked(items: I[]) {
    const results = await this.run(items)
    if (results.length !== items.length) {
      throw new Error(`batch returned ${results.length} results for ${items.length} items`)
    }
    return results
  }

  private drain() {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch)
      this.inFlight++
      const settle = () => {
        this.inFlight--
        this.drain()
      }
      this.runChecked(batch.map((b) => b.item)).then(
        (results) => {
          settle()
          for (const [i, b] of batch.entries()) b.resolve(results[i] as O)
        },
        (err: unknown) => {
          settle()
          if (batch.length === 1) return batch[0]?.reject(err)
          for (const b of batch) {
            this.runChecked([b.item]).then(([result]) => b.resolve(result as O), b.reject)
          }
        },
      )
    }
  }
}
