// FCM through firebase-admin. The SDK builds and signs every request; we only map its per-token results.
// HTTP/1.1 ("legacy") transport: one request per token through the app's http agent, which works behind
// HTTP/1-only proxies and is what the test intercepts at the SDK's network boundary.
import { randomUUID } from 'node:crypto'
import type { Agent } from 'node:http'
import {
  type App,
  applicationDefault,
  type Credential,
  cert,
  deleteApp,
  initializeApp,
} from 'firebase-admin/app'
import { getMessaging, type Message } from 'firebase-admin/messaging'
import type { PushMessage, PushResult, PushSender } from './push-sender.ts'

/** FCM says the token will never work again: the device uninstalled the app or the token rotated. */
const INVALID_TOKEN_CODES = new Set([
  'messaging/registration-token-not-registered',
  'messaging/invalid-registration-token',
])

export function toFcmMessage(token: string, m: PushMessage): Message {
  return {
    token,
    notification: { title: m.title, body: m.body },
    data: m.data,
    android: {
      ...(m.collapseKey ? { collapseKey: m.collapseKey } : {}),
      notification: { notificationCount: m.badge, ...(m.collapseKey ? { tag: m.collapseKey } : {}) },
    },
    apns: {
      ...(m.collapseKey ? { headers: { 'apns-collapse-id': m.collapseKey } } : {}),
      payload: { aps: { badge: m.badge, sound: 'default' } },
    },
  }
}

export function createFcmPushSender(opts: {
  projectId: string
  credentialsJson?: string
  /** Tests pass a credential with a fixed token; production reads the service account JSON. */
  credential?: Credential
  httpAgent?: Agent
}): PushSender {
  const credential =
    opts.credential ?? (opts.credentialsJson ? cert(JSON.parse(opts.credentialsJson)) : applicationDefault())
  const app: App = initializeApp(
    { credential, projectId: opts.projectId, ...(opts.httpAgent ? { httpAgent: opts.httpAgent } : {}) },
    `connecto-push-${randomUUID()}`,
  )
  const messaging = getMessaging(app)
  messaging.enableLegacyHttpTransport()
  return {
    kind: 'fcm',
    async send(tokens, message) {
      if (!tokens.length) return []
      const batch = await messaging.sendEach(tokens.map((t) => toFcmMessage(t, message)))
      return batch.responses.map((r, i): PushResult => {
        const token = tokens[i]!
        if (r.success) return { token, ok: true }
        const code = r.error?.code ?? 'unknown'
        return {
          token,
          ok: false,
          invalidToken: INVALID_TOKEN_CODES.has(code),
          error: `${code}: ${r.error?.message ?? ''}`,
        }
      })
    },
    async close() {
      await deleteApp(app)
    },
  }
}
