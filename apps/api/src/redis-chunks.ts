// Many Redis commands, a few hundred items per pipeline and one round trip each, so a node with
// thousands of users never holds its event loop (and every message waiting on it) for one giant
// pipeline, or for parsing thousands of replies at once.
import type { ChainableCommander, Redis } from 'ioredis'

const ITEMS_PER_PIPELINE = 200

/** Adds each item's commands with `add`, in pipelines of a few hundred items; the replies, in order. */
export async function pipelineInChunks<T>(
  redis: Redis,
  items: readonly T[],
  add: (pipeline: ChainableCommander, item: T) => void,
) {
  const replies: [Error | null, unknown][] = []
  for (let at = 0; at < items.length; at += ITEMS_PER_PIPELINE) {
    const pipeline = redis.pipeline()
    for (const item of items.slice(at, at + ITEMS_PER_PIPELINE)) add(pipeline, item)
    replies.push(...((await pipeline.exec()) ?? []))
  }
  return replies
}
