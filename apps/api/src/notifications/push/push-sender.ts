// Sends one push to several device tokens. FCM through firebase-admin when FIREBASE_* is set; otherwise
// pushes are logged (and recorded by the caller), so embedded mode behaves the same above this line.
import type { Logger } from '../../observability/logger.ts'

export type PushMessage = {
  title: string
  body: string
  /** App icon badge: the user's unread notification count. */
  badge: number
  /** Deep-link data (travelId, planetId, messageId, notificationId, type); FCM wants string values. */
  data: Record<string, string>
  /** Pushes with the same key replace each other on the device (one per planet burst). */
  collapseKey?: string
}

export type PushResult =
  | { token: string; ok: true }
  | { token: string; ok: false; invalidToken: boolean; error: string }

export type PushSender = {
  readonly kind: 'fcm' | 'log'
  send(tokens: string[], message: PushMessage): Promise<PushResult[]>
  close(): Promise<void>
}

export function createLogPushSender(logger: Logger): PushSender {
  return {
    kind: 'log',
    async send(tokens, message) {
      logger.info(
        { devices: tokens.length, title: message.title, badge: message.badge },
        'push (not configured): logged',
      )
      return tokens.map((token) => ({ token, ok: true as const }))
    },
    async close() {},
  }
}
