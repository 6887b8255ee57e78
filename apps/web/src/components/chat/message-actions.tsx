'use client'

import { LIMITS, type MessageView } from '@connecto/shared'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Popover } from './popover'

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🎉'] as const

const EDIT_WINDOW_MS = LIMITS.messageEditWindowMinutes * 60_000
const RESTORE_WINDOW_MS = LIMITS.messageRestoreWindowHours * 3_600_000

export type ActionHandlers = {
  react: (emoji: string) => void
  reply: () => void
  edit: () => void
  remove: () => void
  restore: () => void
  togglePin: () => void
  forward: () => void
}

type Props = { message: MessageView; viewerId: string; canModerate: boolean; handlers: ActionHandlers }

/** The hover/focus toolbar of one message: react, reply, and a menu with the rest. */
export function MessageActionsBar({ message, viewerId, canModerate, handlers }: Props) {
  const [open, setOpen] = useState<'react' | 'more' | null>(null)
  const t = useTranslations('actions')
  const mine = message.senderId === viewerId
  const now = Date.now()
  const canEdit = mine && !message.deleted && now - Date.parse(message.createdAt) < EDIT_WINDOW_MS
  const canDelete = !message.deleted && (mine || canModerate)
  const canRestore =
    message.deleted &&
    message.deletedById === viewerId &&
    mine &&
    !!message.deletedAt &&
    now - Date.parse(message.deletedAt) < RESTORE_WINDOW_MS
  const close = () => setOpen(null)

  if (message.deleted) {
    return canRestore ? (
      <button type="button" className="msg-action msg-action-wide" onClick={handlers.restore}>
        {t('restore')}
      </button>
    ) : null
  }

  return (
    <>
      <button
        type="button"
        className="msg-action"
        aria-label={t('addReaction')}
        aria-haspopup="dialog"
        aria-expanded={open === 'react'}
        onClick={() => setOpen(open === 'react' ? null : 'react')}
      >
        ☺
      </button>
      <button type="button" className="msg-action" aria-label={t('reply')} onClick={handlers.reply}>
        ↩
      </button>
      <button
        type="button"
        className="msg-action"
        aria-label={t('more')}
        aria-haspopup="menu"
        aria-expanded={open === 'more'}
        onClick={() => setOpen(open === 'more' ? null : 'more')}
      >
        ⋯
      </button>
      {open === 'react' ? (
        <Popover onClose={close} label={t('pickReaction')} className="reaction-picker">
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="reaction-choice"
              aria-label={t('reactWith', { emoji })}
              onClick={() => {
                handlers.react(emoji)
                close()
              }}
            >
              {emoji}
            </button>
          ))}
        </Popover>
      ) : null}
      {open === 'more' ? (
        <Popover onClose={close} label={t('menu')} className="action-menu" role="menu">
          {canEdit ? <MenuItem label={t('edit')} onSelect={handlers.edit} close={close} /> : null}
          <MenuItem label={t('forward')} onSelect={handlers.forward} close={close} />
          {canModerate ? (
            <MenuItem
              label={message.pinnedAt ? t('unpin') : t('pin')}
              onSelect={handlers.togglePin}
              close={close}
            />
          ) : null}
          <MenuItem
            label={t('copyText')}
            onSelect={() => void navigator.clipboard?.writeText(message.content ?? '')}
            close={close}
          />
          {canDelete ? (
            <MenuItem label={t('delete')} onSelect={handlers.remove} close={close} danger />
          ) : null}
        </Popover>
      ) : null}
    </>
  )
}

function MenuItem({
  label,
  onSelect,
  close,
  danger,
}: {
  label: string
  onSelect: () => void
  close: () => void
  danger?: boolean
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-danger={danger || undefined}
      onClick={() => {
        close()
        onSelect()
      }}
    >
      {label}
    </button>
  )
}

/** The reactions under a message; each chip toggles the viewer's own reaction. */
export function ReactionChips({
  message,
  viewerId,
  onToggle,
}: {
  message: MessageView
  viewerId: string
  onToggle: (emoji: string) => void
}) {
  const t = useTranslations('actions')
  if (message.deleted || message.reactions.length === 0) return null
  return (
    <div className="reactions" data-testid="reactions">
      {message.reactions.map((reaction) => {
        const mine = reaction.userIds.includes(viewerId)
        return (
          <button
            key={reaction.emoji}
            type="button"
            className="reaction-chip"
            aria-pressed={mine}
            aria-label={t(mine ? 'reactionMine' : 'reaction', {
              emoji: reaction.emoji,
              count: reaction.count,
            })}
            data-testid="reaction"
            onClick={() => onToggle(reaction.emoji)}
          >
            <span aria-hidden="true">{reaction.emoji}</span> {reaction.count}
          </button>
        )
      })}
    </div>
  )
}
