'use client'

import type { MessageView } from '@connecto/shared'
import type { ReactNode } from 'react'
import { Avatar } from '../avatar'
import { MessageText } from './message-text'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

type Props = {
  message: MessageView
  mine: boolean
  startsGroup: boolean
  highlighted?: boolean
  /** Under the bubble: reactions, "seen by". */
  footer?: ReactNode
  /** The message's action buttons, shown on hover and keyboard focus. */
  actions?: ReactNode
}

export function MessageItem({ message, mine, startsGroup, highlighted, footer, actions }: Props) {
  const name = message.senderNickname ?? 'Traveller'
  if (message.type === 'SYSTEM') {
    return (
      <div className="msg-system" data-testid="message" data-message-id={message.id} role="note">
        {message.content}
      </div>
    )
  }
  return (
    <article
      className="msg"
      data-testid="message"
      data-message-id={message.id}
      data-mine={mine}
      data-group-start={startsGroup}
      data-highlighted={highlighted || undefined}
      aria-label={`${name} at ${timeFormat.format(new Date(message.createdAt))}`}
    >
      <div className="msg-gutter">
        {!mine && startsGroup ? <Avatar name={name} seed={message.senderId ?? name} size={32} /> : null}
      </div>
      <div className="msg-body">
        {startsGroup && !mine ? <div className="msg-author">{name}</div> : null}
        {message.forwardedFrom ? (
          <div className="msg-forwarded">
            Forwarded from {message.forwardedFrom.senderNickname ?? 'a traveller'}
          </div>
        ) : null}
        {message.replyTo ? (
          <blockquote className="msg-quote">
            <strong>{message.replyTo.senderNickname ?? 'Traveller'}</strong>
            <span>
              {message.replyTo.deleted ? 'Message deleted' : (message.replyTo.excerpt ?? 'Attachment')}
            </span>
          </blockquote>
        ) : null}
        <div className="msg-bubble" data-deleted={message.deleted || undefined}>
          {message.deleted ? (
            <em className="msg-deleted">Message deleted</em>
          ) : (
            <span className="msg-text" data-testid="message-text">
              <MessageText text={message.content ?? ''} />
            </span>
          )}
          <span className="msg-meta">
            {message.pinnedAt ? <span title="Pinned">📌</span> : null}
            {message.edited && !message.deleted ? <span>edited</span> : null}
            <time dateTime={message.createdAt}>{timeFormat.format(new Date(message.createdAt))}</time>
          </span>
        </div>
        {footer}
      </div>
      {actions ? <div className="msg-actions">{actions}</div> : null}
    </article>
  )
}
