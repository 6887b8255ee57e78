'use client'
// Tells the api which planet the user is looking at (every ~20 s while the tab is visible), so push
// notifications skip the chat already on screen.
import { useMutation } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useOnline, useTRPC } from '@/lib/connecto'

const FOCUS_EVERY_MS = 20_000

export function useFocusReport(planetId: string) {
  const trpc = useTRPC()
  const online = useOnline()
  const { mutate } = useMutation(trpc.notifications.focus.mutationOptions())
  useEffect(() => {
    if (!online) return
    const report = () => mutate({ planetId: document.visibilityState === 'visible' ? planetId : null })
    report()
    const timer = setInterval(report, FOCUS_EVERY_MS)
    document.addEventListener('visibilitychange', report)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', report)
      mutate({ planetId: null })
    }
  }, [online, planetId, mutate])
}
