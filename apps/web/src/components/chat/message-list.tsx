'use client'
import { useTranslations } from 'next-intl'
// The scrolling history: older pages load when the top comes near, the view stays put when they do,
// follows new messages while at the bottom, and offers "Jump to latest" otherwise.
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

const NEAR_TOP_PX = 240
const NEAR_BOTTOM_PX = 80

type Props = {
  /** Identifies the first and last rows, to tell a prepended page from a new message. */
  firstKey: string | null
  lastKey: string | null
  hasOlder: boolean
  loadingOlder: boolean
  loadOlder: () => void
  /** Scrolls this message into view (search results, quotes); cleared by the caller. */
  focusId: string | null
  /** Changes when the viewer sends: their own message always brings the view to the bottom. */
  sentKey: string | null
  children: ReactNode
  empty: ReactNode
}

export function MessageList({
  firstKey,
  lastKey,
  hasOlder,
  loadingOlder,
  loadOlder,
  focusId,
  sentKey,
  children,
  empty,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const [showJump, setShowJump] = useState(false)
  const [unseen, setUnseen] = useState(0)
  const t = useTranslations('chat')
  // Distance from the bottom before older rows were added, so the reader's place survives them.
  const restore = useRef<{ firstKey: string | null; fromBottom: number } | null>(null)

  const scrollToBottom = useCallback((smooth = false) => {
    const el = scroller.current
    if (!el) return
    el.scrollTo({ top: el.scrollHeight, behavior: smooth ? 'smooth' : 'auto' })
    atBottom.current = true
    setShowJump(false)
    setUnseen(0)
  }, [])

  const requestOlder = useCallback(() => {
    const el = scroller.current
    if (!el || !hasOlder || loadingOlder) return
    restore.current = { firstKey, fromBottom: el.scrollHeight - el.scrollTop }
    loadOlder()
  }, [hasOlder, loadingOlder, loadOlder, firstKey])

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const pending = restore.current
    if (pending && pending.firstKey !== firstKey) {
      el.scrollTop = el.scrollHeight - pending.fromBottom
      restore.current = null
    }
  }, [firstKey])

  const previousLast = useRef(lastKey)
  useLayoutEffect(() => {
    if (previousLast.current === lastKey) return
    previousLast.current = lastKey
    if (atBottom.current) scrollToBottom()
    else setUnseen((n) => n + 1)
  }, [lastKey, scrollToBottom])

  useLayoutEffect(() => {
    if (sentKey) scrollToBottom()
  }, [sentKey, scrollToBottom])

  // A resize (rotation, keyboard, window) keeps a reader who was at the bottom there.
  useEffect(() => {
    const el = scroller.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // A short first page may not fill the view: keep loading until it scrolls or history ends.
  useEffect(() => {
    const el = scroller.current
    if (el && !loadingOlder && hasOlder && el.scrollHeight <= el.clientHeight + NEAR_TOP_PX) requestOlder()
  }, [hasOlder, loadingOlder, requestOlder])

  useEffect(() => {
    if (!focusId) return
    const target = scroller.current?.querySelector(`[data-message-id="${CSS.escape(focusId)}"]`)
    target?.scrollIntoView({ block: 'center' })
  }, [focusId])

  const onScroll = () => {
    const el = scroller.current
    if (!el) return
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX
    setShowJump(!atBottom.current)
    if (atBottom.current) setUnseen(0)
    if (el.scrollTop < NEAR_TOP_PX) requestOlder()
  }

  return (
    <div className="chat-scroll-wrap">
      <div
        ref={scroller}
        className="chat-scroll"
        onScroll={onScroll}
        role="log"
        aria-label={t('messages')}
        aria-live="polite"
        aria-relevant="additions"
        data-testid="message-list"
      >
        {hasOlder ? (
          <div className="chat-older" role="status">
            {loadingOlder ? t('loadingEarlier') : ''}
          </div>
        ) : lastKey ? (
          <div className="chat-start">{t('beginning')}</div>
        ) : null}
        {lastKey ? children : empty}
      </div>
      {showJump ? (
        <button
          type="button"
          className="jump-latest"
          onClick={() => scrollToBottom(true)}
          data-testid="jump-latest"
        >
          {t('jumpToLatest', { count: unseen })}
        </button>
      ) : null}
    </div>
  )
}
