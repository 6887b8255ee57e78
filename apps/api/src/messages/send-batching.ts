// The send path's two statements, shared by concurrent sends: while `maxInFlight` statements of a kind
// are running, the sends that arrive wait and go out together in the next one (natural-batcher.ts).
// An idle api sends each alone, at once; a busy one pays one round trip and one commit for many.
import type { Db } from '@connecto/db'
import { onePer } from '../one-per.ts'
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

/**
 * At most 256 sends per statement, one statement of each kind in flight: measured, one in flight made
 * batches of ~4 at 1,000 msg/s where two made ~1.2, and Postgres spent half as much per message.
 */
const OPTIONS = { maxInFlight: 1, maxBatch: 256 }

type SendBatches = {
  context: NaturalBatcher<SendContextInput, SendContext>
  insert: NaturalBatcher<MessageDraft, MessageNewEvent | null>
}

const batchesOf = onePer(
  (db: Db): SendBatches => ({
    context: new NaturalBatcher((inputs) => loadSendContexts(db, inputs), OPTIONS),
    insert: new NaturalBatcher((drafts) => insertMessagesWithEvents(db, drafts), OPTIONS),
  }),
)

export const sendBatches = (rt: Pick<Runtime, 'db'>) => batchesOf(rt.db)
