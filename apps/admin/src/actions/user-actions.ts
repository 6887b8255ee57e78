'use server'

// Platform-level actions on one user (admins only; the api refuses anyone else with its own message).
import { type ActionResult, optionalNumber, runAction, text } from '@/lib/action-result'
import { staffApi } from '@/lib/staff-api'

export async function banUserAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const durationHours = optionalNumber(form, 'durationHours')
  return runAction(
    () =>
      api.admin.banUser.mutate({ userId: text(form, 'userId'), reason: text(form, 'reason'), durationHours }),
    durationHours
      ? `Banned from the platform for ${durationHours} h.`
      : 'Banned from the platform until lifted.',
  )
}

export async function unbanUserAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  return runAction(() => api.admin.unbanUser.mutate({ userId: text(form, 'userId') }), 'Platform ban lifted.')
}

export async function setPlatformRoleAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  const role = text(form, 'role') as 'ADMIN' | 'HOST' | 'USER'
  return runAction(
    () => api.admin.setPlatformRole.mutate({ userId: text(form, 'userId'), role }),
    `Platform role changed to ${role}.`,
  )
}

export async function suspendUserAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  return runAction(
    () => api.admin.suspendUser.mutate({ userId: text(form, 'userId'), reason: text(form, 'reason') }),
    'Account suspended; its sessions were signed out.',
  )
}

export async function restoreUserAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const { api } = await staffApi()
  return runAction(() => api.admin.restoreUser.mutate({ userId: text(form, 'userId') }), 'Account restored.')
}
