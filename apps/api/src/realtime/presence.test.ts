import { describe, expect, it } from 'vitest'
import { createLogger } from '../observability/logger.ts'
import { createMemoryPresence } from './presence.ts'

const logger = createLogger('silent')

describe('in-process presence', () => {
  it('is online while any connection is open and reports going offline once', async () => {
    const offline: string[] = []
    const presence = createMemoryPresence({ logger, onOffline: async (id) => offline.push(id) })
    expect(presence.kind).toBe('memory')
    presence.connect('u1')
    presence.connect('u1')
    presence.connect('u2')
    expect(await presence.isOnline(['u1', 'u2', 'u3'])).toEqual(new Set(['u1', 'u2']))
    presence.disconnect('u1')
    expect(await presence.isOnline(['u1'])).toEqual(new Set(['u1']))
    expect(offline).toEqual([])
    presence.disconnect('u1')
    expect(await presence.isOnline(['u1', 'u2'])).toEqual(new Set(['u2']))
    expect(offline).toEqual(['u1'])
    // A stray close for a user with no connection here changes nothing.
    presence.disconnect('u1')
    expect(offline).toEqual(['u1'])
    await presence.close()
    expect(await presence.isOnline(['u2'])).toEqual(new Set())
  })

  it('logs a failed offline update instead of throwing', async () => {
    const presence = createMemoryPresence({
      logger,
      onOffline: async () => {
        throw new Error('db down')
      },
    })
    presence.connect('u1')
    presence.disconnect('u1')
    await presence.close()
    expect(await presence.isOnline([])).toEqual(new Set())
  })
})
