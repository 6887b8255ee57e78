// The one job every notification producer enqueues: the send path pays for one enqueue (new messages:
// one per NOTIFY_BATCH_MS for all planets), the job loads recipients, preferences and names.
import { z } from 'zod'
import { defineJob } from '../jobs/job-definition.ts'
import { deliverExistingNotification } from './create-notification.ts'
import { notifyReactionNow, notifyTravelJoinedNow } from './event-notifications.ts'
import { fanOutMessage, fanOutMessages } from './message-fan-out.ts'

export const ZFanOutPayload = z.discriminatedUnion('kind', [
  /** New messages of any planets, gathered by notifyMessageSent. */
  z.object({
    kind: z.literal('messages'),
    messageIds: z.array(z.string().min(1)).min(1).max(1000),
  }),
  /** One message: what was enqueued before batching; still accepted for jobs already queued. */
  z.object({ kind: z.literal('message'), messageId: z.string().min(1) }),
  z.object({
    kind: z.literal('reaction'),
    messageId: z.string().min(1),
    reactorId: z.string().min(1),
    emoji: z.string().min(1),
  }),
  z.object({ kind: z.literal('existing'), notificationId: z.string().min(1) }),
  z.object({ kind: z.literal('travel-joined'), travelId: z.string().min(1), userId: z.string().min(1) }),
])
export type TFanOutPayload = z.infer<typeof ZFanOutPayload>

export const fanOutJob = defineJob({
  id: 'notification.fan-out',
  queue: 'critical',
  priority: 2,
  payload: ZFanOutPayload,
  handle(rt, p, { attempt }) {
    switch (p.kind) {
      case 'messages':
        return fanOutMessages(rt, p.messageIds, { retry: attempt > 1 })
      case 'message':
        return fanOutMessage(rt, p.messageId, { retry: attempt > 1 })
      case 'reaction':
        return notifyReactionNow(rt, p)
      case 'existing':
        return deliverExistingNotification(rt, p.notificationId)
      case 'travel-joined':
        return notifyTravelJoinedNow(rt, p)
    }
  },
})
