// A WebSocket connection's context lives as long as the socket, and every call on it would re-read the
// caller. The memo keeps the active user for 30 seconds instead (measured: at 1,000 msg/s from 1,000
// sockets a 5-second memo was a third of the api's queries). Bans and suspensions still end access at
// once: they close the user's sockets on every node (closeBannedUserSockets), and with the socket goes
// its context and this memo. What may lag by up to 30 s on an open socket: a new nickname in typing
// signals, and a platform role change. Only an allowed caller is remembered; a refusal is re-read.
import type { Runtime } from '../runtime.ts'
import { type ActiveUser, loadActiveUser } from '../users/active-user.ts'

export const CALLER_MEMO_MS = 30_000

export type CallerMemo = { user: ActiveUser | null; until: number }

export const newCallerMemo = (): CallerMemo => ({ user: null, until: 0 })

export async function loadCaller(rt: Runtime, userId: string, memo: CallerMemo | undefined) {
  if (!memo) return loadActiveUser(rt, userId)
  const now = Date.now()
  if (memo.user?.id === userId && memo.until > now) return memo.user
  const user = await loadActiveUser(rt, userId)
  memo.user = user
  memo.until = now + CALLER_MEMO_MS
  return user
}
