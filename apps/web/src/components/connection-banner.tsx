'use client'

import { useOnline } from '@/lib/connecto'

/** Shown while the browser is offline; what is written meanwhile waits in the outbox. */
export function ConnectionBanner() {
  const online = useOnline()
  if (online) return null
  return (
    <div className="connection-banner" role="status" data-testid="offline-banner">
      You are offline. Messages you write are kept and sent when the connection is back.
    </div>
  )
}
