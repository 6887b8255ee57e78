// Ids for rows inserted with raw SQL (messages on the send path, notifications in the fan-out), in the
// shape of Prisma's cuid(): "c", the time in base 36, a per-process counter, then randomness — so ids
// sort by creation time like Prisma's own.
import { randomBytes } from 'node:crypto'

let counter = Math.floor(Math.random() * 36 ** 4)

export function newRowId(now: Date) {
  counter = (counter + 1) % 36 ** 4
  const time = now.getTime().toString(36).padStart(8, '0')
  const count = counter.toString(36).padStart(4, '0')
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(12, '0')
    .slice(-12)
  return `c${time}${count}${random}`
}

export const newMessageId = newRowId
