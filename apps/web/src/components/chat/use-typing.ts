'use client'
// Who else is typing here (from the stream's `typing` signals, each with its own expiry), and telling
// the others when the viewer types: at most one "typing" every few seconds, one "stopped" at the end.
import { useMutation } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import type { StreamEvent } from './use-timeline'

const RESEND_MS = 2_500
const FALLBACK_TTL_MS = 6_000

type Typer = { nickname: string; expiresAt: number }

export function useTyping(planetId: string) {
  const trpc = useTRPC()
  const [typers, setTypers] = useState<ReadonlyMap<string, Typer>>(new Map())
  const typingMutation = useMutation(trpc.presence.typing.mutationOptions())
  const { mutate } = typingMutation
  const lastSent = useRef(0)
  const someone = useRef('')
  someone.current = useTranslations('common')('someone')

  /** Feed every stream event here. */
  const onEvent = useCallback((event: StreamEvent) => {
    if (event.type !== 'typing') return
    const userId = event.userId as string
    setTypers((current) => {
      const next = new Map(current)
      if (event.typing) {
        const expiresAt =
          typeof event.expiresAt === 'string' ? Date.parse(event.expiresAt) : Date.now() + FALLBACK_TTL_MS
        next.set(userId, { nickname: (event.nickname as string | null) ?? someone.current, expiresAt })
      } else next.delete(userId)
      return next
    })
  }, [])

  // Drop typers whose signal ran out without a "stopped" (closed tab, lost network).
  useEffect(() => {
    if (typers.size === 0) return
    const timer = setInterval(() => {
      const now = Date.now()
      setTypers((current) => {
        const live = [...current].filter(([, typer]) => typer.expiresAt > now)
        return live.length === current.size ? current : new Map(live)
      })
    }, 1_000)
    return () => clearInterval(timer)
  }, [typers.size])

  /** The viewer's own typing, from the composer. */
  const setTyping = useCallback(
    (typing: boolean) => {
      const now = Date.now()
      if (typing) {
        if (now - lastSent.current < RESEND_MS) return
        lastSent.current = now
        mutate({ planetId, typing: true })
      } else if (lastSent.current !== 0) {
        lastSent.current = 0
        mutate({ planetId, typing: false })
      }
    },
    [mutate, planetId],
  )

  return { typers: [...typers.values()].map((t) => t.nickname), onEvent, setTyping }
}
