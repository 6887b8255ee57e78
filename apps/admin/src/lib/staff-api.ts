// The api as the signed-in staff member, for server components, server actions and route handlers.

import { canUseAdminApp } from '@connecto/shared'
import { createApiClient, readApiRefusal } from '@connecto/web-kit/api'
import { redirect } from 'next/navigation'
import { serverEnv } from '@/env'
import { readSession } from '@/lib/auth'

/** The session and an api client acting as it; signs out anyone who is not a host or admin. */
export async function staffApi() {
  const session = await readSession()
  if (!session || session.error || !canUseAdminApp(session.user.role)) redirect('/signin')
  const api = createApiClient({ apiUrl: serverEnv.apiUrl, accessToken: session.accessToken })
  return { api, session, user: session.user, isAdmin: session.user.role === 'ADMIN' }
}

export type Loaded<T> = { ok: true; data: T } | { ok: false; code: string; message: string }

/** Runs a page's api read; a refusal becomes a message to show instead of an error page. */
export async function load<T>(read: Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await read }
  } catch (error) {
    const refusal = readApiRefusal(error)
    if (!refusal) throw error
    return { ok: false, code: refusal.app.code, message: refusal.app.message }
  }
}
