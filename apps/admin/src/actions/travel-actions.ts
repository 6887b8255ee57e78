'use server'

// Actions on a travel and its members; the api decides who may do what and says why when it refuses.
import { type ActionResult, optionalNumber, runAction, text } from '@/lib/action-result'
import { staffApi } from '@/lib/staff-api'

const member = (form: FormData) => ({ travelId: text(form, 'travelId'), userId: text(form, 'userId') })

export async function setTravelRoleAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const role = text(form, 'role') === 'MODERATOR' ? 'MODERATOR' : 'PARTICIPANT'
  return runAction(
    () => api.travels.setRole.mutate({ ...member(form), role }),
    role === 'MODERATOR' ? 'Promoted to moderator.' : 'Demoted to participant.',
  )
}

export async function banFromTravelAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const durationHours = optionalNumber(form, 'durationHours')
  return runAction(
    () =>
      api.moderation.banFromTravel.mutate({ ...member(form), reason: text(form, 'reason'), durationHours }),
    durationHours ? `Banned from this travel for ${durationHours} h.` : 'Banned from this travel.',
  )
}

export async function unbanFromTravelAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  return runAction(() => api.moderation.unbanFromTravel.mutate(member(form)), 'Travel ban lifted.')
}

export async function removeMemberAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  return runAction(() => api.travels.removeMember.mutate(member(form)), 'Removed from the travel.')
}

export async function regenerateInviteAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  return runAction(
    () => api.travels.regenerateInviteCode.mutate({ travelId: text(form, 'travelId') }),
    'New invite code issued; the old one no longer works.',
  )
}

export async function freezeTravelAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const travelId = text(form, 'travelId')
  if (text(form, 'frozen') === 'true') {
    return runAction(() => api.travels.unfreeze.mutate({ travelId }), 'Travel unfrozen.')
  }
  return runAction(
    () => api.travels.freeze.mutate({ travelId }),
    'Travel frozen: nobody can post until unfrozen.',
  )
}
