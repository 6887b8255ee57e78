// The push and mail transports of a runtime, built from its config on first use.
import type { Runtime } from '../runtime.ts'
import { createLogMailer, createSmtpMailer, type Mailer } from './email/mailer.ts'
import { createFcmPushSender } from './push/fcm-sender.ts'
import { createLogPushSender, type PushSender } from './push/push-sender.ts'

export type Transports = { push: PushSender; mailer: Mailer }

const byRuntime = new WeakMap<Runtime, Transports>()

export function transportsOf(rt: Runtime): Transports {
  let t = byRuntime.get(rt)
  if (!t) {
    const { firebase, smtp, mailFrom } = rt.config.notifications
    t = {
      push: firebase ? createFcmPushSender(firebase) : createLogPushSender(rt.logger),
      mailer: smtp ? createSmtpMailer(smtp, mailFrom) : createLogMailer(rt.logger),
    }
    byRuntime.set(rt, t)
  }
  return t
}

/** Replaces a runtime's transports: an FCM sender with its own credential or http agent, a test recorder. */
export function useTransports(rt: Runtime, transports: Partial<Transports>) {
  byRuntime.set(rt, { ...transportsOf(rt), ...transports })
}

export async function closeTransports(rt: Runtime) {
  const t = byRuntime.get(rt)
  byRuntime.delete(rt)
  await Promise.allSettled([t?.push.close(), t?.mailer.close()])
}
