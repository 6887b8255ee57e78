'use client'

import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTRPC } from '@/lib/connecto'

export type PresenceStatus = 'online' | 'away' | 'offline'

const REFRESH_MS = 20_000

/** Online / away / offline of a travel's members, refreshed while the page is open. */
export function usePresence(travelId: string): ReadonlyMap<string, PresenceStatus> {
  const trpc = useTRPC()
  const list = useQuery(trpc.presence.list.queryOptions({ travelId }, { refetchInterval: REFRESH_MS }))
  return useMemo(
    () => new Map((list.data ?? []).map((p) => [p.userId, p.status as PresenceStatus])),
    [list.data],
  )
}
