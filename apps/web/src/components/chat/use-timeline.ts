'use client'
// One planet's messages: the latest page, older pages on demand, and the live stream merged in by id.
// The stream pauses while the browser is offline and resumes from the last event it saw, and the latest
// page is fetched again every time the stream (re)starts, so nothing sent in between is missed.
import type { MessageView } from '@connecto/shared'
import { skipToken } from '@tanstack/react-query'
import { useSubscription } from '@trpc/tanstack-react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useOnline, useTRPC, useTRPCClient } from '@/lib/connecto'
import { type Refusal, useDescribeRefusal } from '@/lib/refusal'
import { type MessageMap, mergeMessages, sortedMessages } from '@/lib/timeline'

const PAGE_SIZE = 40
const RETRY_MS = 2_000
/** How far back a jump (pinned message, search result) pages before giving up. */
const MAX_JUMP_PAGES = 20
/** Refusals that mean the viewer may no longer read this planet. */
const REVOKED_CODES = new Set(['TRV008', 'TRV002', 'PLT002', 'TRV001', 'PLT001'])

/** A planet stream item: logged events come wrapped with their id (`tracked`), ephemeral signals bare. */
export type StreamEvent = { type: string; [field: string]: unknown }

function unwrap(item: unknown): { id: string | null; event: StreamEvent } {
  const tracked = item as { id?: unknown; data?: unknown }
  if (typeof tracked.id === 'string' && tracked.data && typeof tracked.data === 'object') {
    return { id: tracked.id, event: tracked.data as StreamEvent }
  }
  return { id: null, event: item as StreamEvent }
}

type Options = {
  planetId: string
  /** Every stream event, after messages it carries are merged (typing, reads, reactions…). */
  onEvent?: (event: StreamEvent) => void
}

export function usePlanetTimeline({ planetId, onEvent }: Options) {
  const trpc = useTRPC()
  const client = useTRPCClient()
  const online = useOnline()
  const [map, setMap] = useState<MessageMap<MessageView>>(() => new Map())
  const [loaded, setLoaded] = useState(false)
  const [loadError, setLoadError] = useState<Refusal | null>(null)
  const [revoked, setRevoked] = useState<Refusal | null>(null)
  const [hasOlder, setHasOlder] = useState(false)
  const [loadingOlder, setLoadingOlder] = useState(false)
  const lastEventId = useRef<string | null>(null)
  const [resumeFrom, setResumeFrom] = useState<string | null>(null)
  const onEventRef = useRef(onEvent)
  // Read through a ref so the stream does not restart when the language changes.
  const describeRefusal = useDescribeRefusal()
  const describeRef = useRef(describeRefusal)
  describeRef.current = describeRefusal
  onEventRef.current = onEvent

  const merge = useCallback(
    (messages: readonly MessageView[]) => setMap((m) => mergeMessages(m, messages)),
    [],
  )
  const patchReactions = useCallback(
    (messageId: string, reactions: MessageView['reactions']) =>
      setMap((m) => {
        const target = m.get(messageId)
        return target ? mergeMessages(m, [{ ...target, reactions }]) : m
      }),
    [],
  )

  const fail = useCallback((error: unknown) => {
    const refusal = describeRef.current(error)
    if (refusal.code && REVOKED_CODES.has(refusal.code)) setRevoked(refusal)
    else setLoadError(refusal)
  }, [])

  const firstPage = useRef(true)
  const loadLatest = useCallback(async () => {
    try {
      const page = await client.messages.list.query({ planetId, limit: PAGE_SIZE })
      merge(page.items as MessageView[])
      if (firstPage.current) {
        firstPage.current = false
        setHasOlder(page.nextCursor !== null)
      }
      setLoaded(true)
      setLoadError(null)
    } catch (error) {
      fail(error)
    }
  }, [client, planetId, merge, fail])

  useEffect(() => {
    void loadLatest()
  }, [loadLatest])

  const messages = useMemo(() => sortedMessages(map), [map])
  const oldestId = messages[0]?.id ?? null

  const loadOlder = useCallback(async () => {
    if (!oldestId || loadingOlder) return
    setLoadingOlder(true)
    try {
      const page = await client.messages.list.query({ planetId, before: oldestId, limit: PAGE_SIZE })
      merge(page.items as MessageView[])
      setHasOlder(page.nextCursor !== null)
    } catch (error) {
      fail(error)
    } finally {
      setLoadingOlder(false)
    }
  }, [client, planetId, oldestId, loadingOlder, merge, fail])

  /** Pages back from the oldest loaded message until `messageId` is loaded; false if history ends first. */
  const loadUntil = useCallback(
    async (messageId: string) => {
      if (map.has(messageId)) return true
      let cursor = oldestId
      setLoadingOlder(true)
      try {
        for (let page = 0; page < MAX_JUMP_PAGES && cursor; page++) {
          const result = await client.messages.list.query({ planetId, before: cursor, limit: 100 })
          merge(result.items as MessageView[])
          setHasOlder(result.nextCursor !== null)
          if (result.items.some((m) => m.id === messageId)) return true
          cursor = result.nextCursor
        }
        return false
      } catch (error) {
        fail(error)
        return false
      } finally {
        setLoadingOlder(false)
      }
    },
    [client, planetId, map, oldestId, merge, fail],
  )

  // Back online: resubscribe from the last event seen, so the server replays what was missed.
  const wasOnline = useRef(online)
  useEffect(() => {
    if (online && !wasOnline.current) setResumeFrom(lastEventId.current)
    wasOnline.current = online
  }, [online])

  const live = online && !revoked
  const subscription = useSubscription(
    trpc.messages.onPlanetEvent.subscriptionOptions(
      live ? { planetId, lastEventId: resumeFrom } : skipToken,
      {
        onStarted: () => void loadLatest(),
        onData: (item: unknown) => {
          const { id, event } = unwrap(item)
          if (id) lastEventId.current = id
          if (event.type === 'resync') void loadLatest()
          const message = event.message as MessageView | undefined
          if (message && typeof message === 'object' && 'id' in message && event.planetId === planetId)
            merge([message])
          if (typeof event.messageId === 'string' && Array.isArray(event.reactions)) {
            patchReactions(event.messageId, event.reactions as MessageView['reactions'])
          }
          onEventRef.current?.(event)
        },
        onError: (error) => {
          const refusal = describeRef.current(error)
          if (refusal.code && REVOKED_CODES.has(refusal.code)) setRevoked(refusal)
        },
      },
    ),
  )

  // A stream that failed for another reason (server restart, token expiry) is retried shortly.
  const { status, reset } = subscription
  useEffect(() => {
    if (status !== 'error' || revoked) return
    const timer = setTimeout(() => {
      setResumeFrom(lastEventId.current)
      reset()
    }, RETRY_MS)
    return () => clearTimeout(timer)
  }, [status, revoked, reset])

  return {
    messages,
    byId: map,
    merge,
    patchReactions,
    loaded,
    loadError,
    revoked,
    hasOlder,
    loadingOlder,
    loadOlder,
    loadUntil,
    live: live && subscription.status === 'pending',
  }
}
