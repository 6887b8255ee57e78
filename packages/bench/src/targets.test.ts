// The load generator reads deliveries out of raw frames without parsing them; this checks that reading
// against frames built the way the api builds them (tRPC's ws response, superjson, tracked ids).
import { tracked } from '@trpc/server'
import superjson from 'superjson'
import { describe, expect, it } from 'vitest'
import { kneeOf, type StepResult } from './load.ts'
import { apiDeliveryOf, CONTENT_PREFIX } from './targets.ts'

/** A frame as @trpc/server's ws adapter sends a tracked subscription item (see ws adapter `respond`). */
function trpcFrame(subscriptionId: number, eventId: string, event: unknown) {
  const [id, data] = tracked(eventId, event) as unknown as [string, unknown]
  const result: Record<string, unknown> = { type: 'data', data }
  result.id = id
  result.data = superjson.serialize({ id, data })
  return JSON.stringify({ id: subscriptionId, result })
}

/** The same item as the api writes it (trpc/subscription-wire.ts): the tracked id before the data. */
function apiFrame(subscriptionId: number, eventId: string, event: unknown) {
  const data = JSON.stringify(superjson.serialize({ id: eventId, data: event }))
  return `{"id":${subscriptionId},"result":{"type":"data","id":"${eventId}","data":${data}}}`
}

describe('reading deliveries from api frames', () => {
  it('finds the event id and the bench content in a message.new frame, whichever comes first', () => {
    const event = {
      type: 'message.new',
      seq: 42,
      planetId: 'p1',
      message: {
        id: 'm1',
        content: `${CONTENT_PREFIX}1234.500|77`,
        createdAt: new Date(),
        replyTo: { id: 'm0', content: 'earlier' },
      },
    }
    for (const frame of [apiFrame(3, '42', event), trpcFrame(3, '42', event)]) {
      expect(apiDeliveryOf(frame)).toEqual({ seq: 42, content: '1234.500|77' })
    }
  })

  it('treats other frames (receipts, typing) as not a delivery', () => {
    const receipt = trpcFrame(3, '42', { type: 'message.status', planetId: 'p1', status: 'delivered' })
    expect(apiDeliveryOf(receipt)).toBeNull()
  })
})

describe('knee', () => {
  const step = (offeredRate: number, p99Ms: number, lost: number) =>
    ({ offeredRate, p99Ms, lost, delivered: 10 }) as StepResult
  it('is the highest rate with p99 under 100 ms and nothing lost', () => {
    expect(kneeOf([step(100, 20, 0), step(250, 40, 0), step(500, 150, 0), step(1000, 50, 3)])).toBe(250)
    expect(kneeOf([step(100, 120, 0)])).toBe(0)
  })
})
