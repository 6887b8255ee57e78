'use client'

import { useSession } from 'next-auth/react'
import { useEffect } from 'react'
import { signOutAndLeave } from './sign-out-button'

/** Signs the user out once the server reports that their refresh token was refused. */
export function SessionWatcher() {
  const { data } = useSession()
  const failed = data?.error === 'RefreshFailed'
  useEffect(() => {
    if (failed) signOutAndLeave().catch((error: unknown) => console.error('[auth] sign-out failed', error))
  }, [failed])
  return null
}
