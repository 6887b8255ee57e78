'use client'

import { signOut } from 'next-auth/react'
import { useState } from 'react'

export async function signOutAndLeave() {
  await signOut({ redirect: false })
  // A full load drops every client cache that belonged to the signed-in user.
  window.location.assign('/signin')
}

export function SignOutButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
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
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  )
}
