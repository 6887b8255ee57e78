'use client'

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
  return (
    <article className="msg" data-mine="true" data-testid="pending-message" data-state={item.state}>
      <div className="msg-gutter" />
      <div className="msg-body">
        <div className="msg-bubble msg-pending">
          {item.fileIds?.length ? (
            <span className="msg-text">
              📎 {item.fileIds.length === 1 ? '1 file' : `${item.fileIds.length} files`}
            </span>
          ) : null}
          {item.content ? <span className="msg-text">{item.content}</span> : null}
          <span className="msg-meta">
            {item.state === 'failed'
              ? 'Not sent'
              : item.state === 'queued'
                ? 'Waiting for connection'
                : 'Sending…'}
          </span>
        </div>
        {item.state === 'failed' ? (
          <div className="msg-failed" role="alert" data-testid="send-refusal">
            <span>{item.error}</span>
            <button type="button" className="link-button" onClick={onRetry}>
              Retry
            </button>
            <button type="button" className="link-button" onClick={onDiscard}>
              Discard
            </button>
          </div>
        ) : null}
      </div>
    </article>
  )
}
