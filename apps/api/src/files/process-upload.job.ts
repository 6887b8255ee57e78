// File processing as a background job: BullMQ with Redis, the in-process runner without.
import { z } from 'zod'
import { defineJob } from '../jobs/job-definition.ts'
import type { Runtime } from '../runtime.ts'
import { markNoPreview, processUpload } from './processing.ts'

export const processUploadJob = defineJob({
  id: 'files.process-upload',
  queue: 'normal',
  payload: z.object({ fileId: z.string().min(1) }),
  handle: (rt, { fileId }) => processUpload(rt, fileId),
  // Retries are spent: the file stays usable, clients show a generic icon instead of a preview.
  onDeadLetter: (rt, { fileId }) => markNoPreview(rt, fileId, 'previews could not be made'),
})

/** Queues processing after a completed upload; a queueing failure is logged, never the caller's error. */
export function scheduleProcessing(rt: Runtime, fileId: string) {
  rt.jobs
    .enqueue(processUploadJob, { fileId }, { dedupeId: `process-upload:${fileId}` })
    .catch((err) => rt.logger.error({ err, fileId }, 'could not queue file processing'))
}
