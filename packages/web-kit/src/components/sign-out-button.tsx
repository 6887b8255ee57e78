'use client'

import { signOut } from 'next-auth/react'
import { useState } from 'react'

export async function signOutAndLeave() {
  await signOut({ redirect: false })
  // A full load drops every client cache that belonged to the signed-in user.
  window.location.assign('/signin')
}

type SignOutButtonProps = {
  variant?: 'primary' | 'secondary'
  labels?: { signOut: string; signingOut: string }
}

export function SignOutButton({
  variant = 'secondary',
  labels = { signOut: 'Sign out', signingOut: 'Signing out…' },
}: SignOutButtonProps) {
  const [pending, setPending] = useState(false)
  return (
    <button
      type="button"
      className={`button button-${variant}`}
      disabled={pending}
      onClick={() => {
        setPending(true)
        signOutAndLeave().catch(() => setPending(false))
      }}
    >
      {pending ? labels.signingOut : labels.signOut}
    </button>
  )
}
