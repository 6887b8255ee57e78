// Reconnect and retry delays: exponential, capped, with "equal jitter" (half fixed, half random), so a
// server restart does not get every client back in the same millisecond.
export type BackoffOptions = { baseMs?: number; maxMs?: number }

/** The delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}, random: () => number = Math.random) {
  const base = opts.baseMs ?? 500
  const max = opts.maxMs ?? 30_000
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
