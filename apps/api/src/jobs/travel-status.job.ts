// Travel status by dates (PLANNING → ACTIVE → ENDED), every 5 minutes on whichever worker takes it.
import { z } from 'zod'
import { refreshTravelStatuses } from '../travels/travel-status.service.ts'
import { defineJob } from './job-definition.ts'

export const travelStatusJob = defineJob({
  id: 'travel.status',
  queue: 'normal',
  payload: z.object({}),
  async handle(rt) {
    const counts = await refreshTravelStatuses(rt, rt.clock.now())
    if (counts.PLANNING + counts.ACTIVE + counts.ENDED > 0)
      rt.logger.info({ counts }, 'travel statuses refreshed')
    return counts
  },
})
