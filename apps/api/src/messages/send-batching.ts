// The send path's two statements, shared by concurrent sends: while `maxInFlight` statements of a kind
// are running, the sends that arrive wait and go out together in the next one (natural-batcher.ts).
// An idle api sends each alone, at once; a busy one pays one round trip and one commit for many.
import type { Db } from '@connecto/db'
import type { Runtime } from '../runtime.ts'
import { NaturalBatcher } from './natural-batcher.ts'
import {
  insertMessagesWithEvents,
  loadSendContexts,
  type MessageDraft,
  type MessageNewEvent,
  type SendContext,
  type SendContextInput,
} from './send-statements.ts'

/** At most 256 sends per statement; two statements of each kind in flight leave the pool room for the rest. */
const OPTIONS = { maxInFlight: 1, maxBatch: 256 }

type SendBatches = {
  context: NaturalBatcher<SendContextInput, SendContext>
  insert: NaturalBatcher<MessageDraft, MessageNewEvent | null>
}

const batchesByDb = new WeakMap<Db, SendBatches>()

export function sendBatches(rt: Pick<Runtime, 'db'>): SendBatches {
  let batches = batchesByDb.get(rt.db)
  if (!batches) {
    const db = rt.db
    batches = {
      context: new NaturalBatcher((inputs) => loadSendContexts(db, inputs), OPTIONS),
      insert: new NaturalBatcher((drafts) => insertMessagesWithEvents(db, drafts), OPTIONS),
    }
    batchesByDb.set(db, batches)
  }
  return batches
}
