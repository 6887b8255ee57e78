// Reads a planet feed the way a test wants it: the first `n` events it delivers, then stops it.
import type { PlanetEvent } from '@connecto/shared'
import { openPlanetFeed } from '../src/events/planet-feed.ts'
import type { Runtime } from '../src/runtime.ts'

export async function takeFromFeed(
  rt: Runtime,
  planetId: string,
  from: { seq: number; resumed: boolean },
  n: number,
  opts: { onLive?: () => Promise<void> } = {},
) {
  const abort = new AbortController()
  const got: PlanetEvent[] = []
  try {
    return await new Promise<PlanetEvent[]>((resolve, reject) => {
      openPlanetFeed(rt, planetId, from, abort.signal, {
        event(event) {
          got.push(event)
          if (got.length === n) resolve(got)
        },
        fail: reject,
      })
        .then(opts.onLive)
        .catch(reject)
    })
  } finally {
    abort.abort()
  }
}
