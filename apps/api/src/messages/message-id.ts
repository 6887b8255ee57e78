// Ids for rows inserted with raw SQL (messages on the send path, notifications in the fan-out), in the
// shape of Prisma's cuid(): "c", the time in base 36, a per-process counter, then randomness — so ids
// sort by creation time like Prisma's own.
import { randomFillSync } from 'node:crypto'

let counter = Math.floor(Math.random() * 36 ** 4)

export function newRowId(now: Date) {
  counter = (counter + 1) % 36 ** 4
  const time = now.getTime().toString(36).padStart(8, '0')
  const count = counter.toString(36).padStart(4, '0')
  return `c${time}${count}${randomBase36(12)}`
}

/** Random bytes are drawn a pool at a time: one call into the CSPRNG per 256 ids, not one per id. */
const pool = Buffer.alloc(256 * 12)
let poolAt = pool.length

/** `length` random base-36 digits (each from one random byte; 252 of 256 byte values keep them uniform). */
function randomBase36(length: number) {
  let out = ''
  while (out.length < length) {
    if (poolAt === pool.length) {
      randomFillSync(pool)
      poolAt = 0
    }
    const byte = pool[poolAt++]!
    if (byte < 252) out += (byte % 36).toString(36)
  }
  return out
}

export const newMessageId = newRowId
