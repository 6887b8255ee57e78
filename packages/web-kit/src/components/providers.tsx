'use client'

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Session } from 'next-auth'
import { SessionProvider } from 'next-auth/react'
import { type ReactNode, useState } from 'react'
import { SessionWatcher } from './session-watcher'

// Polling keeps the access token fresh: the session route refreshes it within 60 s of expiry.
const SESSION_POLL_SECONDS = 60

/** `session`, when the server layout already read it, saves the first render from a signed-out flash. */
export function Providers({ children, session }: { children: ReactNode; session?: Session | null }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
  )
  return (
    <SessionProvider session={session} refetchInterval={SESSION_POLL_SECONDS} refetchOnWindowFocus>
      <QueryClientProvider client={queryClient}>
        <SessionWatcher />
        {children}
      </QueryClientProvider>
    </SessionProvider>
  )
}
