// Upkeep every few minutes: timed bans that ran out are lifted for users who never came back, and the
// planet event log is trimmed to its retention window (a client resuming from before it is told to
// refetch instead of replaying).
import { z } from 'zod'
import { pruneEventLog } from '../events/planet-events.ts'
import { liftExpiredBans } from '../moderation/expiry.ts'
import { defineJob } from './job-definition.ts'

export const upkeepJob = defineJob({
  id: 'upkeep',
  queue: 'bulk',
  payload: z.object({}),
  async handle(rt) {
    const bans = await liftExpiredBans(rt)
    const retentionMs = rt.config.eventRetentionHours * 3600_000
    const events = await pruneEventLog(rt, new Date(rt.clock.now().getTime() - retentionMs))
    if (bans.travelBans + bans.platformBans + events > 0)
      rt.logger.info({ bans, prunedEvents: events }, 'upkeep done')
    return { bans, prunedEvents: events }
  },
})
