// The admin app's gate. Every admin page calls this: a traveller's session must never render staff UI.
import { canUseAdminApp } from '@connecto/shared'
import { redirect } from 'next/navigation'
import type { Session } from 'next-auth'
import { readSession } from '@/lib/auth'

export type StaffSessionResult = { kind: 'staff'; session: Session } | { kind: 'not-staff'; session: Session }

/** Redirects to /signin without a usable session; otherwise says whether it belongs to a host or admin. */
export async function readStaffSession(): Promise<StaffSessionResult> {
  const session = await readSession()
  if (!session || session.error) redirect('/signin')
  return canUseAdminApp(session.user.role) ? { kind: 'staff', session } : { kind: 'not-staff', session }
}
