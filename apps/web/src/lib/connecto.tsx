'use client'
// The browser's typed api client (packages/client): queries over HTTP, subscriptions over one WebSocket,
// both carrying the session's current access token. Also tracks whether the browser is online.
import { type AppRouter, createConnectoClient } from '@connecto/client'
import { useQueryClient } from '@tanstack/react-query'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import type { Session } from 'next-auth'
import { getSession, useSession } from 'next-auth/react'
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react'

const trpcContext = createTRPCContext<AppRouter>()
export const useTRPC = trpcContext.useTRPC
export const useTRPCClient = trpcContext.useTRPCClient

type ConnectionState = { online: boolean }
const ConnectionContext = createContext<ConnectionState>({ online: true })

/** False while the browser reports no network; live streams pause and sends queue until it is back. */
export const useOnline = () => useContext(ConnectionContext).online

function useBrowserOnline() {
  const [online, setOnline] = useState(true)
  useEffect(() => {
    const update = () => setOnline(navigator.onLine)
    update()
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}

const REFRESH_MARGIN_MS = 30_000

/** The access token, fetched anew through the session route (which refreshes it) when it is about to expire. */
async function freshToken(current: { current: Session | null }) {
  const session = current.current
  if (!session) return null
  if (Date.parse(session.accessTokenExpiresAt) - Date.now() > REFRESH_MARGIN_MS) return session.accessToken
  const renewed = await getSession().catch(() => null)
  if (renewed) current.current = renewed
  return renewed?.accessToken ?? session.accessToken
}

export function ConnectoProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const queryClient = useQueryClient()
  const { data: session } = useSession()
  // The client is created once; the token is read at each request and each WebSocket (re)connect.
  const current = useRef<Session | null>(null)
  current.current = session ?? null
  const [connecto] = useState(() =>
    createConnectoClient({ url: apiUrl, getAccessToken: () => freshToken(current) }),
  )
  useEffect(() => () => connecto.close(), [connecto])
  const online = useBrowserOnline()
  return (
    <trpcContext.TRPCProvider trpcClient={connecto.trpc} queryClient={queryClient}>
      <ConnectionContext.Provider value={{ online }}>{children}</ConnectionContext.Provider>
    </trpcContext.TRPCProvider>
  )
}
