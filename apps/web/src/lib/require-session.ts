import { redirect } from 'next/navigation'
import { readSession } from './auth'

/** The signed-in session for a page, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSession(returnTo: string) {
  const session = await readSession()
  if (!session || session.error) redirect(`/signin?next=${encodeURIComponent(returnTo)}`)
  return session
}
