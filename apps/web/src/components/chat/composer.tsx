'use client'
// The message box: Enter sends, Shift+Enter starts a new line, Esc drops the reply or edit in progress.
// Typing "@" offers the planet's members; arrows pick, Enter or Tab inserts.
import { LIMITS } from '@connecto/shared'
import { useTranslations } from 'next-intl'
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'

export type ReplyTarget = { id: string; author: string; excerpt: string }
export type EditTarget = { id: string; content: string }

type Props = {
  /** Returns false to keep the text (the send could not go yet). */
  onSend: (text: string) => boolean
  replyTo: ReplyTarget | null
  editing: EditTarget | null
  onCancel: () => void
  /** Called as the viewer types and with false when they clear the box or send. */
  onTyping?: (typing: boolean) => void
  /** Nicknames that can be @mentioned here. */
  mentionable: readonly string[]
  /** Buttons before the box (attach) and content above it (files being uploaded). */
  tools?: ReactNode
  above?: ReactNode
  /** Allows sending with no text (files only). */
  canSendEmpty?: boolean
  disabledReason?: string | null
}

// The same shape the api reads mentions in: a name right after "@", at the start or after a non-word.
const MENTION_AT_CARET = /(?:^|[^\p{L}\p{N}_@])@([\p{L}\p{N}_.-]*)$/u
const MENTIONABLE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u
const MAX_SUGGESTIONS = 6

export function Composer(props: Props) {
  const {
    onSend,
    replyTo,
    editing,
    onCancel,
    onTyping,
    mentionable,
    tools,
    above,
    canSendEmpty,
    disabledReason,
  } = props
  const [text, setText] = useState('')
  const [caret, setCaret] = useState(0)
  const [active, setActive] = useState(0)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)
  const t = useTranslations('composer')

  // Grow with the text up to a few lines, then scroll inside.
  useEffect(() => {
    const el = box.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight, 160)}px`
  }, [text])

  useEffect(() => {
    if (replyTo) box.current?.focus()
  }, [replyTo])

  useEffect(() => {
    if (!editing) return
    setText(editing.content)
    requestAnimationFrame(() => box.current?.focus())
  }, [editing])

  const query = useMemo(() => {
    const match = text.slice(0, caret).match(MENTION_AT_CARET)
    return match && dismissedAt !== caret ? (match[1] ?? '') : null
  }, [text, caret, dismissedAt])
  const suggestions = useMemo(() => {
    if (query === null) return []
    const q = query.toLowerCase()
    return mentionable
      .filter((name) => MENTIONABLE_NAME.test(name) && name.toLowerCase().startsWith(q))
      .slice(0, MAX_SUGGESTIONS)
  }, [query, mentionable])

  const insertMention = (name: string) => {
    if (query === null) return
    const start = caret - query.length
    const next = `${text.slice(0, start)}${name} ${text.slice(caret)}`
    const position = start + name.length + 1
    setText(next)
    setCaret(position)
    requestAnimationFrame(() => {
      box.current?.focus()
      box.current?.setSelectionRange(position, position)
    })
  }

  const send = () => {
    const trimmed = text.trim()
    if (!trimmed && !canSendEmpty) return
    if (onSend(trimmed) === false) return
    setText('')
    setCaret(0)
    onTyping?.(false)
    box.current?.focus()
  }

  if (disabledReason) {
    return (
      <div className="composer composer-disabled" role="note" data-testid="composer-disabled">
        {disabledReason}
      </div>
    )
  }

  const context = editing
    ? { title: t('editing'), body: editing.content, cancel: t('cancelEditing') }
    : replyTo
      ? { title: t('replyingTo', { name: replyTo.author }), body: replyTo.excerpt, cancel: t('cancelReply') }
      : null

  return (
    <div className="composer">
      {context ? (
        <div className="composer-reply" data-testid="composer-context">
          <div>
            <strong>{context.title}</strong>
            <span>{context.body}</span>
          </div>
          <button type="button" className="icon-button" aria-label={context.cancel} onClick={onCancel}>
            ✕
          </button>
        </div>
      ) : null}
      {above}
      {suggestions.length > 0 ? (
        <ul className="mention-list" id="mention-list" aria-label={t('mentionSomeone')}>
          {suggestions.map((name, i) => (
            <li key={name}>
              <button
                type="button"
                tabIndex={-1}
                aria-current={i === active % suggestions.length}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => insertMention(name)}
              >
                @{name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="composer-row"
        onSubmit={(event) => {
          event.preventDefault()
          send()
        }}
      >
        {tools}
        <textarea
          ref={box}
          aria-label={t('message')}
          aria-controls={suggestions.length > 0 ? 'mention-list' : undefined}
          placeholder={editing ? t('editPlaceholder') : t('placeholder')}
          rows={1}
          maxLength={LIMITS.messageTextMax}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            setCaret(event.target.selectionStart)
            setActive(0)
            setDismissedAt(null)
            if (!editing) onTyping?.(event.target.value.trim().length > 0)
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return
            if (suggestions.length > 0) {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault()
                setActive(
                  (i) => (i + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length,
                )
                return
              }
              if (event.key === 'Enter' || event.key === 'Tab') {
                event.preventDefault()
                insertMention(suggestions[active % suggestions.length] as string)
                return
              }
              if (event.key === 'Escape') {
                event.preventDefault()
                setDismissedAt(caret)
                return
              }
            }
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault()
              send()
            } else if (event.key === 'Escape' && context) {
              event.preventDefault()
              if (editing) setText('')
              onCancel()
            }
          }}
        />
        <button
          type="submit"
          className="send-button"
          aria-label={editing ? t('saveEdit') : t('send')}
          disabled={!text.trim() && !canSendEmpty}
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
            <path d="M4 12l16-8-6 16-2.5-6.5z" strokeLinejoin="round" />
          </svg>
        </button>
      </form>
    </div>
  )
}
