// What a server action tells the form that ran it: done (with what happened) or refused (with why).
import { readApiRefusal } from '@connecto/web-kit/api'
import { revalidatePath } from 'next/cache'

export type ActionResult = { ok: boolean; message: string } | null

/** Runs one api call for a form; refusals come back as the api's message, anything else is rethrown. */
export async function runAction(
  call: () => Promise<unknown>,
  success: string,
  revalidate = '/',
): Promise<ActionResult> {
  try {
    await call()
  } catch (error) {
    const refusal = readApiRefusal(error)
    if (!refusal) {
      console.error('[admin] action failed', error)
      return { ok: false, message: 'The api could not be reached. Nothing was changed; try again.' }
    }
    return { ok: false, message: `${refusal.app.message} (${refusal.app.code})` }
  }
  revalidatePath(revalidate, 'layout')
  return { ok: true, message: success }
}

export const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value.trim() : ''
}

export const optionalNumber = (form: FormData, name: string) => {
  const value = text(form, name)
  return value ? Number(value) : undefined
}
