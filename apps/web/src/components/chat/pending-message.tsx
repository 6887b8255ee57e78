'use client'

import { useTranslations } from 'next-intl'
import type { OutboxItem } from './use-outbox'

/** A message of the viewer's that the api has not accepted yet: sending, waiting for the network, or refused. */
export function PendingMessage({
  item,
  onRetry,
  onDiscard,
}: {
  item: OutboxItem
  onRetry: () => void
  onDiscard: () => void
}) {
  const t = useTranslations('pending')
  return (
    <article className="msg" data-mine="true" data-testid="pending-message" data-state={item.state}>
      <div className="msg-gutter" />
      <div className="msg-body">
        <div className="msg-bubble msg-pending">
          {item.fileIds?.length ? (
            <span className="msg-text">📎 {t('files', { count: item.fileIds.length })}</span>
          ) : null}
          {item.content ? <span className="msg-text">{item.content}</span> : null}
          <span className="msg-meta">
            {item.state === 'failed' ? t('notSent') : item.state === 'queued' ? t('queued') : t('sending')}
          </span>
        </div>
        {item.state === 'failed' ? (
          <div className="msg-failed" role="alert" data-testid="send-refusal">
            <span>{item.error}</span>
            <button type="button" className="link-button" onClick={onRetry}>
              {t('retry')}
            </button>
            <button type="button" className="link-button" onClick={onDiscard}>
              {t('discard')}
            </button>
          </div>
        ) : null}
      </div>
    </article>
  )
}
