'use client'
// Messages written but not yet accepted by the api. Sends go one at a time, in the order written; a send
// that cannot reach the api waits (with everything after it) until the browser is online again, then
// goes with the same clientMessageId, which the api deduplicates. Kept in localStorage per planet.
import type { MessageView } from '@connecto/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useOnline, useTRPCClient } from '@/lib/connecto'
import { isNetworkFailure, useDescribeRefusal } from '@/lib/refusal'

export type OutboxItem = {
  clientMessageId: string
  /** May be empty when files carry the message. */
  content: string
  replyToId?: string
  /** Completed uploads to attach, in order. */
  fileIds?: string[]
  createdAt: string
  state: 'sending' | 'queued' | 'failed'
  error?: string
}

const RETRY_MS = 3_000

const storageKey = (planetId: string) => `connecto.outbox.${planetId}`

function readStored(planetId: string): OutboxItem[] {
  try {
    const items = JSON.parse(localStorage.getItem(storageKey(planetId)) ?? '[]') as OutboxItem[]
    // A send cut short by a reload is simply queued again.
    return items.map((item) => (item.state === 'sending' ? { ...item, state: 'queued' } : item))
  } catch {
    return []
  }
}

/** Unique per send; random UUIDs need a secure context, which plain-http deployments lack. */
function newClientMessageId() {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

export function useOutbox(planetId: string, onSent: (message: MessageView) => void) {
  const client = useTRPCClient()
  const online = useOnline()
  const [items, setItems] = useState<OutboxItem[]>([])
  const itemsRef = useRef(items)
  const sending = useRef(false)
  const onSentRef = useRef(onSent)
  // Read through a ref so the send loop does not restart when the language changes.
  const describeRefusal = useDescribeRefusal()
  const describeRef = useRef(describeRefusal)
  describeRef.current = describeRefusal
  onSentRef.current = onSent

  useEffect(() => {
    itemsRef.current = readStored(planetId)
    setItems(itemsRef.current)
  }, [planetId])
  useEffect(() => {
    if (items.length === 0) localStorage.removeItem(storageKey(planetId))
    else localStorage.setItem(storageKey(planetId), JSON.stringify(items))
  }, [items, planetId])

  /** Changes the list now (for the drain loop) and for the next render. */
  const update = useCallback((change: (list: OutboxItem[]) => OutboxItem[]) => {
    itemsRef.current = change(itemsRef.current)
    setItems(itemsRef.current)
  }, [])
  const patch = useCallback(
    (clientMessageId: string, change: Partial<OutboxItem> | null) =>
      update((list) =>
        change === null
          ? list.filter((item) => item.clientMessageId !== clientMessageId)
          : list.map((item) => (item.clientMessageId === clientMessageId ? { ...item, ...change } : item)),
      ),
    [update],
  )

  /** Sends queued items in order until one cannot reach the api. */
  const drain = useCallback(async () => {
    if (sending.current) return
    sending.current = true
    try {
      for (;;) {
        if (!navigator.onLine) return
        const next = itemsRef.current.find((item) => item.state === 'queued')
        if (!next) return
        patch(next.clientMessageId, { state: 'sending' })
        try {
          const message = await client.messages.send.mutate({
            planetId,
            clientMessageId: next.clientMessageId,
            // With files, the text goes as their caption.
            ...(next.fileIds?.length
              ? { attachments: { fileIds: next.fileIds, ...(next.content ? { caption: next.content } : {}) } }
              : { content: next.content }),
            ...(next.replyToId ? { replyToId: next.replyToId } : {}),
          })
          onSentRef.current(message as MessageView)
          patch(next.clientMessageId, null)
        } catch (error) {
          if (isNetworkFailure(error)) {
            patch(next.clientMessageId, { state: 'queued' })
            return
          }
          patch(next.clientMessageId, { state: 'failed', error: describeRef.current(error).text })
        }
      }
    } finally {
      sending.current = false
    }
  }, [client, planetId, patch])

  useEffect(() => {
    if (online) void drain()
  }, [online, drain])

  // The api may still be out of reach when the browser says it is online again: keep trying.
  const waiting = items.some((item) => item.state === 'queued')
  useEffect(() => {
    if (!online || !waiting) return
    const timer = setInterval(() => void drain(), RETRY_MS)
    return () => clearInterval(timer)
  }, [online, waiting, drain])

  const send = useCallback(
    (content: string, replyToId?: string, fileIds?: string[]) => {
      const item: OutboxItem = {
        clientMessageId: newClientMessageId(),
        content,
        ...(replyToId ? { replyToId } : {}),
        ...(fileIds?.length ? { fileIds } : {}),
        createdAt: new Date().toISOString(),
        state: 'queued',
      }
      update((list) => [...list, item])
      void drain()
    },
    [update, drain],
  )

  const retry = useCallback(
    (clientMessageId: string) => {
      patch(clientMessageId, { state: 'queued', error: undefined })
      void drain()
    },
    [patch, drain],
  )

  const discard = useCallback((clientMessageId: string) => patch(clientMessageId, null), [patch])

  return { items, send, retry, discard }
}
