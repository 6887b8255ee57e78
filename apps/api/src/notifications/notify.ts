// What other services call, one line at the end of a successful action. Each is a single enqueue that
// never throws into the caller: a notification problem must not fail or slow a send, a ban or a join.
// New messages are gathered first (message-batcher.ts): one enqueue per NOTIFY_BATCH_MS, all planets.
import { onePer } from '../one-per.ts'
import type { Runtime } from '../runtime.ts'
import { fanOutJob, type TFanOutPayload } from './fan-out.job.ts'
import { MessageBatcher } from './message-batcher.ts'

async function enqueue(rt: Runtime, payload: TFanOutPayload) {
  try {
    await rt.jobs.enqueue(fanOutJob, payload)
  } catch (err) {
    rt.logger.error({ err, kind: payload.kind }, 'notifications: enqueue failed')
  }
}

const batcherOf = onePer(
  (rt: Runtime) =>
    new MessageBatcher({
      flushMs: rt.config.notifications.batchMs,
      send: (messageIds) => enqueue(rt, { kind: 'messages', messageIds }),
    }),
)

/** Resolves when the message's batch was enqueued (at most NOTIFY_BATCH_MS later); the send path does not wait. */
export function notifyMessageSent(rt: Runtime, message: { id: string }) {
  return batcherOf(rt).add(message.id)
}

export function notifyReaction(rt: Runtime, p: { messageId: string; reactorId: string; emoji: string }) {
  return enqueue(rt, { kind: 'reaction', ...p })
}

/**
 * For a notification the caller wrote in its own transaction (a ban or mute notice commits with the
 * ban or mute): delivers it live, by push and by mail according to the user's preferences.
 */
export function notifyCreated(rt: Runtime, notificationId: string) {
  return enqueue(rt, { kind: 'existing', notificationId })
}

export function notifyTravelJoined(rt: Runtime, p: { travelId: string; userId: string }) {
  return enqueue(rt, { kind: 'travel-joined', ...p })
}

/** Called by the runtime's close() before the job queues close, so no gathered message is lost. */
export function flushMessageBatches(rt: Runtime) {
  return batcherOf(rt).flush()
}
