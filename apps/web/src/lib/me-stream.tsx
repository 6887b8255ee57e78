'use client'
// The signed-in user's live stream (me.onEvent): unread counts per planet, the notification count,
// mentions (shown as a toast) and membership changes. One subscription for the whole app.
import type { MessageView } from '@connecto/shared'
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useSession } from 'next-auth/react'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { useOnline, useTRPC } from './connecto'

type UnreadPlanet = { planetId: string; travelId: string; unread: number }
export type Mention = { id: string; travelId: string; planetId: string; message: MessageView }

type MeState = {
  unreadByPlanet: ReadonlyMap<string, UnreadPlanet>
  notificationCount: number
  mentions: readonly Mention[]
  dismissMention: (id: string) => void
}

const MeContext = createContext<MeState>({
  unreadByPlanet: new Map(),
  notificationCount: 0,
  mentions: [],
  dismissMention: () => {},
})

export const useMe = () => useContext(MeContext)

export function usePlanetUnread(planetId: string) {
  return useMe().unreadByPlanet.get(planetId)?.unread ?? 0
}

export function useTravelUnread(travelId: string) {
  const { unreadByPlanet } = useMe()
  let total = 0
  for (const p of unreadByPlanet.values()) if (p.travelId === travelId) total += p.unread
  return total
}

type MeEvent = { type: string; [field: string]: unknown }

/** Tells the api the user stepped away when this tab is hidden, and is back when it shows again. */
function usePresenceReporting(enabled: boolean) {
  const trpc = useTRPC()
  const { mutate } = useMutation(trpc.presence.report.mutationOptions())
  useEffect(() => {
    if (!enabled) return
    const report = () => mutate({ state: document.visibilityState === 'visible' ? 'active' : 'away' })
    report()
    document.addEventListener('visibilitychange', report)
    return () => document.removeEventListener('visibilitychange', report)
  }, [enabled, mutate])
}

export function MeStreamProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const online = useOnline()
  const { status } = useSession()
  const signedIn = status === 'authenticated'
  const [unreadByPlanet, setUnread] = useState<ReadonlyMap<string, UnreadPlanet>>(new Map())
  const [mentions, setMentions] = useState<readonly Mention[]>([])
  const [liveCount, setLiveCount] = useState<number | null>(null)
  const countQuery = useQuery(
    trpc.notifications.unreadCount.queryOptions(signedIn ? undefined : skipToken, {
      refetchInterval: 60_000,
    }),
  )
  // The query's answer is newer than a live count only when it has just been refetched.
  useEffect(() => setLiveCount(null), [countQuery.dataUpdatedAt])

  const onEvent = useCallback(
    (event: MeEvent) => {
      switch (event.type) {
        case 'unread.snapshot':
          setUnread(new Map((event.planets as UnreadPlanet[]).map((p) => [p.planetId, p])))
          break
        case 'unread.changed':
          setUnread((current) => {
            const next = new Map(current)
            for (const p of event.planets as UnreadPlanet[]) next.set(p.planetId, p)
            return next
          })
          break
        case 'notification.new':
        case 'notification.read':
          setLiveCount(event.unreadCount as number)
          void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() })
          break
        case 'mention': {
          const message = event.message as MessageView
          setMentions((list) => [
            ...list.slice(-2),
            {
              id: message.id,
              travelId: event.travelId as string,
              planetId: event.planetId as string,
              message,
            },
          ])
          break
        }
        case 'membership.changed':
        case 'access.revoked':
          void queryClient.invalidateQueries({ queryKey: trpc.travels.pathKey() })
          void queryClient.invalidateQueries({ queryKey: trpc.planets.pathKey() })
          break
      }
    },
    [queryClient, trpc],
  )

  useSubscription(
    trpc.me.onEvent.subscriptionOptions(signedIn && online ? {} : skipToken, {
      onData: (item: unknown) => {
        const tracked = item as { id?: string; data?: MeEvent }
        onEvent(tracked.data && typeof tracked.id === 'string' ? tracked.data : (item as MeEvent))
      },
    }),
  )

  usePresenceReporting(signedIn && online)

  const dismissMention = useCallback(
    (id: string) => setMentions((list) => list.filter((m) => m.id !== id)),
    [],
  )
  const value = useMemo(
    () => ({
      unreadByPlanet,
      notificationCount: liveCount ?? countQuery.data?.unreadCount ?? 0,
      mentions,
      dismissMention,
    }),
    [unreadByPlanet, liveCount, countQuery.data, mentions, dismissMention],
  )
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>
}
