'use client'

import type { AttachmentView, MessageView } from '@connecto/shared'
import type { ReactNode } from 'react'
import { Avatar } from '../avatar'
import { MessageAttachments } from './message-attachments'
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
  // Attachments come with the message views of the files feature; older views have none.
  const attachments = (message as MessageView & { attachments?: AttachmentView[] }).attachments ?? []
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
        {!message.deleted && attachments.length > 0 ? <MessageAttachments attachments={attachments} /> : null}
        <div className="msg-bubble" data-deleted={message.deleted || undefined}>
          {message.deleted ? (
            <em className="msg-deleted">Message deleted</em>
          ) : message.content ? (
            <span className="msg-text" data-testid="message-text">
              <MessageText text={message.content} />
            </span>
          ) : null}
          <span className="msg-meta">
            {message.pinnedAt ? (
              <span title="Pinned" data-testid="pinned-mark">
                📌
              </span>
            ) : null}
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
