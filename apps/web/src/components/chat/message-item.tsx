'use client'

import type { AttachmentView, MessageView } from '@connecto/shared'
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { useDateFormat } from '@/lib/format'
import { Avatar } from '../avatar'
import { MessageAttachments } from './message-attachments'
import { MessageText } from './message-text'

const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }

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
  const t = useTranslations()
  const timeFormat = useDateFormat(TIME_OPTIONS)
  const name = message.senderNickname ?? t('common.traveller')
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
      aria-label={t('message.at', { name, time: timeFormat.format(new Date(message.createdAt)) })}
    >
      <div className="msg-gutter">
        {!mine && startsGroup ? <Avatar name={name} seed={message.senderId ?? name} size={32} /> : null}
      </div>
      <div className="msg-body">
        {startsGroup && !mine ? <div className="msg-author">{name}</div> : null}
        {message.forwardedFrom ? (
          <div className="msg-forwarded">
            {t('message.forwardedFrom', {
              name: message.forwardedFrom.senderNickname ?? t('message.aTraveller'),
            })}
          </div>
        ) : null}
        {message.replyTo ? (
          <blockquote className="msg-quote">
            <strong>{message.replyTo.senderNickname ?? t('common.traveller')}</strong>
            <span>
              {message.replyTo.deleted
                ? t('message.deleted')
                : (message.replyTo.excerpt ?? t('message.attachment'))}
            </span>
          </blockquote>
        ) : null}
        {!message.deleted && attachments.length > 0 ? <MessageAttachments attachments={attachments} /> : null}
        <div className="msg-bubble" data-deleted={message.deleted || undefined}>
          {message.deleted ? (
            <em className="msg-deleted">{t('message.deleted')}</em>
          ) : message.content ? (
            <span className="msg-text" data-testid="message-text">
              <MessageText text={message.content} />
            </span>
          ) : null}
          <span className="msg-meta">
            {message.pinnedAt ? (
              <span title={t('message.pinned')} data-testid="pinned-mark">
                📌
              </span>
            ) : null}
            {message.edited && !message.deleted ? <span>{t('message.edited')}</span> : null}
            <time dateTime={message.createdAt}>{timeFormat.format(new Date(message.createdAt))}</time>
          </span>
        </div>
        {footer}
      </div>
      {actions ? <div className="msg-actions">{actions}</div> : null}
    </article>
  )
}
