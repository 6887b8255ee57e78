'use server'

import { ZResolveReportInput } from '@connecto/shared'
import { type ActionResult, runAction, text } from '@/lib/action-result'
import { staffApi } from '@/lib/staff-api'

const OUTCOME: Record<string, string> = {
  DISMISS: 'Report dismissed.',
  DELETE_MESSAGE: 'Report resolved: the message was deleted.',
  MUTE: 'Report resolved: the sender is muted for 24 hours.',
  TRAVEL_BAN: 'Report resolved: the user is banned from the travel.',
}

/** Resolves a report and applies its action in one api call (one transaction on the api side). */
export async function resolveReportAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const input = ZResolveReportInput.safeParse({
    reportId: text(form, 'reportId'),
    action: text(form, 'action'),
    note: text(form, 'note') || undefined,
  })
  if (!input.success) return { ok: false, message: input.error.issues[0]?.message ?? 'Choose an action.' }
  return runAction(
    () => api.moderation.resolveReport.mutate(input.data),
    OUTCOME[input.data.action] ?? 'Resolved.',
  )
}

/** Admins only: bans the reported user from the platform and closes the report, in one api call. */
export async function platformBanReportAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const hours = text(form, 'durationHours')
  return runAction(
    () =>
      api.admin.resolveReportWithPlatformBan.mutate({
        reportId: text(form, 'reportId'),
        reason: text(form, 'reason') || undefined,
        durationHours: hours ? Number(hours) : undefined,
        note: text(form, 'note') || undefined,
      }),
    'Report resolved: the user is banned from the platform.',
  )
}
