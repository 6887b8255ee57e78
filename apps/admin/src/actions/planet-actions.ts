'use server'

// Planet settings, archiving and bulk removal of one member's messages.
import { ZTimeRestriction } from '@connecto/shared'
import { type ActionResult, runAction, text } from '@/lib/action-result'
import { staffApi } from '@/lib/staff-api'

export async function updateChatHoursAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const parsed = ZTimeRestriction.safeParse(JSON.parse(text(form, 'restriction') || '{"type":"NONE"}'))
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check the chat hours.' }
  const { type, ...restriction } = parsed.data
  return runAction(
    () =>
      api.planets.update.mutate({
        planetId: text(form, 'planetId'),
        name: text(form, 'name') || undefined,
        timeRestrictionType: type,
        ...(type === 'NONE' ? {} : { timeRestriction: restriction }),
        timeZone: text(form, 'timeZone') || undefined,
      }),
    'Planet settings saved.',
  )
}

export async function archivePlanetAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  return runAction(() => api.planets.archive.mutate({ planetId: text(form, 'planetId') }), 'Planet archived.')
}

export async function deleteUserMessagesAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  let deleted = 0
  const result = await runAction(async () => {
    const r = await api.admin.deleteUserMessages.mutate({
      planetId: text(form, 'planetId'),
      userId: text(form, 'userId'),
    })
    deleted = r.deleted
  }, '')
  if (!result?.ok) return result
  return { ok: true, message: deleted === 1 ? '1 message deleted.' : `${deleted} messages deleted.` }
}
