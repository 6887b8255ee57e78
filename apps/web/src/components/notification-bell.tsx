'use client'

import { useInfiniteQuery, useMutation } from '@tanstack/react-query'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { useDateFormat } from '@/lib/format'
import { useMe } from '@/lib/me-stream'
import { Popover } from './chat/popover'

const TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
}

/** The bell in the header: the live unread count, and the list when opened. */
export function NotificationBell() {
  const { notificationCount } = useMe()
  const [open, setOpen] = useState(false)
  const t = useTranslations('notifications')
  const label = notificationCount === 0 ? t('title') : t('unread', { count: notificationCount })
  return (
    <div className="bell">
      <button
        type="button"
        className="icon-button"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        data-testid="notification-bell"
      >
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path
            d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {notificationCount > 0 ? (
          <span className="count-badge" data-testid="notification-count">
            {notificationCount > 99 ? '99+' : notificationCount}
          </span>
        ) : null}
      </button>
      {open ? <NotificationList onClose={() => setOpen(false)} /> : null}
    </div>
  )
}

function NotificationList({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC()
  const t = useTranslations('notifications')
  const tCommon = useTranslations('common')
  const timeFormat = useDateFormat(TIME_OPTIONS)
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  )
  const markAll = useMutation(
    trpc.notifications.markAllRead.mutationOptions({ onSuccess: () => void list.refetch() }),
  )
  const markOne = useMutation(trpc.notifications.markRead.mutationOptions())
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <Popover onClose={onClose} label={t('title')} className="bell-panel">
      <div className="bell-head">
        <strong>{t('title')}</strong>
        <button
          type="button"
          className="link-button"
          onClick={() => markAll.mutate()}
          disabled={items.length === 0}
        >
          {t('markAll')}
        </button>
      </div>
      {list.isPending ? (
        <p className="muted">{tCommon('loading')}</p>
      ) : list.isError ? (
        <p className="form-error">{t('loadError')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="bell-list" data-testid="notification-list">
          {items.map((n) => {
            const href =
              n.data?.travelId && n.data.planetId
                ? `/travels/${n.data.travelId}/planets/${n.data.planetId}`
                : null
            const body = (
              <>
                <strong>{n.title}</strong>
                <span>{n.body}</span>
                <time dateTime={n.createdAt}>{timeFormat.format(new Date(n.createdAt))}</time>
              </>
            )
            return (
              <li key={n.id} data-unread={n.readAt === null}>
                {href ? (
                  <Link
                    href={href}
                    className="bell-item"
                    onClick={() => {
                      if (!n.readAt) markOne.mutate({ ids: [n.id] })
                      onClose()
                    }}
                  >
                    {body}
                  </Link>
                ) : (
                  <div className="bell-item">{body}</div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {list.hasNextPage ? (
        <button type="button" className="link-button" onClick={() => void list.fetchNextPage()}>
          {t('showOlder')}
        </button>
      ) : null}
    </Popover>
  )
}
