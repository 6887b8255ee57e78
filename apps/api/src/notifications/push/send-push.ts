// Sends a push to every device of a user and removes the tokens FCM reports as dead.
import type { Runtime } from '../../runtime.ts'
import { transportsOf } from '../transports.ts'
import type { PushMessage } from './push-sender.ts'

export type PushOutcome = { sent: number; failed: number; removedTokens: number; errors: string[] }

export async function pushToUser(
  rt: Runtime,
  userId: string,
  message: PushMessage,
): Promise<PushOutcome | null> {
  const devices = await rt.db.device.findMany({ where: { userId }, select: { pushToken: true } })
  if (!devices.length) return null
  const results = await transportsOf(rt).push.send(
    devices.map((d) => d.pushToken),
    message,
  )
  const invalid = results.flatMap((r) => (!r.ok && r.invalidToken ? [r.token] : []))
  if (invalid.length) {
    await rt.db.device.deleteMany({ where: { userId, pushToken: { in: invalid } } })
    rt.logger.info({ userId, removed: invalid.length }, 'push: removed invalid device tokens')
  }
  const failures = results.filter((r) => !r.ok)
  return {
    sent: results.length - failures.length,
    failed: failures.length,
    removedTokens: invalid.length,
    errors: failures.map((r) => (r.ok ? '' : r.error)),
  }
}

/** FCM data values must be strings; absent keys are left out rather than sent as "undefined". */
export function deepLinkData(fields: Record<string, string | null | undefined>) {
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
}
