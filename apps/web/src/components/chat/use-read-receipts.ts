'use client'
// Reading: the viewer's watermark moves to the latest message while they look at the bottom of the
// chat, and "seen by" for the latest message comes from the api, refreshed whenever someone's
// watermark moves (`read.updated`).
import { skipToken, useMutation, useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useCallback, useEffect, useRef } from 'react'
import { useOnline, useTRPC } from '@/lib/connecto'
import type { StreamEvent } from './use-timeline'

const MARK_DELAY_MS = 400

export function useReadReceipts(planetId: string, latestMessageId: string | null) {
  const trpc = useTRPC()
  const online = useOnline()
  const seenBy = useQuery(
    trpc.reads.readBy.queryOptions(latestMessageId ? { planetId, messageId: latestMessageId } : skipToken, {
      staleTime: 0,
    }),
  )
  const { refetch } = seenBy
  const { mutate: markRead } = useMutation(trpc.reads.markRead.mutationOptions())
  const marked = useRef<string | null>(null)
  const someone = useTranslations('common')('someone')

  // Mark read while the page is visible; again when it comes back into view.
  useEffect(() => {
    if (!latestMessageId || !online) return
    const mark = () => {
      if (document.visibilityState !== 'visible' || marked.current === latestMessageId) return
      marked.current = latestMessageId
      markRead({ planetId, messageId: latestMessageId })
    }
    const timer = setTimeout(mark, MARK_DELAY_MS)
    document.addEventListener('visibilitychange', mark)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', mark)
    }
  }, [latestMessageId, online, planetId, markRead])

  const onEvent = useCallback(
    (event: StreamEvent) => {
      // A moved watermark shows as a logged `read.updated` and as a live `message.status` signal.
      const read =
        event.type === 'read.updated' || (event.type === 'message.status' && event.status === 'read')
      if (read && latestMessageId) void refetch()
    },
    [refetch, latestMessageId],
  )

  return { seenBy: (seenBy.data ?? []).map((reader) => reader.nickname ?? someone), onEvent }
}
