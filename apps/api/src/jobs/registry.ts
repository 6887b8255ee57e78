// Every job definition and schedule of the api, in one place for the workers to register.
import { processUploadJob } from '../files/process-upload.job.ts'
import { deliverDeferredJob } from '../notifications/deferred.job.ts'
import { fanOutJob } from '../notifications/fan-out.job.ts'
import { sendPushJob } from '../notifications/push/push.job.ts'
import { cleanupJob } from './cleanup.job.ts'
import type { AnyJobDefinition, Schedule } from './job-definition.ts'
import { statsJob } from './stats.job.ts'
import { travelStatusJob } from './travel-status.job.ts'
import { upkeepJob } from './upkeep.job.ts'

const MINUTE = 60_000

export const JOB_DEFINITIONS: AnyJobDefinition[] = [
  fanOutJob,
  sendPushJob,
  deliverDeferredJob,
  travelStatusJob,
  cleanupJob,
  statsJob,
  processUploadJob,
  upkeepJob,
]

export const SCHEDULES: Schedule[] = [
  { id: 'travel-status', everyMs: 5 * MINUTE, job: travelStatusJob },
  { id: 'daily-cleanup', everyMs: 24 * 60 * MINUTE, job: cleanupJob },
  { id: 'stats-snapshot', everyMs: 5 * MINUTE, job: statsJob },
  { id: 'upkeep', everyMs: 5 * MINUTE, job: upkeepJob },
  /** Quiet-hours summaries and email digests. */
  { id: 'deferred-deliveries', everyMs: MINUTE, job: deliverDeferredJob },
]
