'use client'

import type { SnippetPart } from '@connecto/shared'
import { skipToken, useInfiniteQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { useDateFormat } from '@/lib/format'
import { useDescribeRefusal } from '@/lib/refusal'

const DEBOUNCE_MS = 300
const WHEN_OPTIONS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
}

/** Searching this planet; picking a result jumps to it in the conversation. */
export function SearchPanel({ planetId, onJump }: { planetId: string; onJump: (messageId: string) => void }) {
  const trpc = useTRPC()
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  const t = useTranslations()
  const describeRefusal = useDescribeRefusal()
  const whenFormat = useDateFormat(WHEN_OPTIONS)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  const results = useInfiniteQuery(
    trpc.messages.search.infiniteQueryOptions(query ? { planetId, query, limit: 20 } : skipToken, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  )
  const items = results.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <div className="search-panel">
      <search>
        <label htmlFor="message-search" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          ref={input}
          id="message-search"
          type="search"
          className="search-input"
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </search>
      {!query ? (
        <p className="muted">{t('search.hint')}</p>
      ) : results.isPending ? (
        <p className="muted" role="status">
          {t('search.searching')}
        </p>
      ) : results.isError ? (
        <p className="form-error" role="alert">
          {describeRefusal(results.error).text}
        </p>
      ) : items.length === 0 ? (
        <p className="muted" role="status">
          {t('search.noMatch', { query })}
        </p>
      ) : (
        <ul className="pinned-list" data-testid="search-results">
          {items.map(({ message, snippet }) => (
            <li key={message.id}>
              <button type="button" className="pinned-item" onClick={() => onJump(message.id)}>
                <strong>
                  {message.senderNickname ?? t('common.traveller')} ·{' '}
                  <time dateTime={message.createdAt}>{whenFormat.format(new Date(message.createdAt))}</time>
                </strong>
                <span className="snippet">
                  <Snippet parts={snippet} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {results.hasNextPage ? (
        <button type="button" className="link-button" onClick={() => void results.fetchNextPage()}>
          {t('search.more')}
        </button>
      ) : null}
    </div>
  )
}

function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  )
}
