'use client'

import type { MessageView } from '@connecto/shared'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { useDateFormat } from '@/lib/format'
import { useDescribeRefusal } from '@/lib/refusal'
import { firstUnreadId, timelineRows } from '@/lib/timeline'
import { typingText } from '@/lib/typing-text'
import { usePresence } from '../use-presence'
import { AttachButton, AttachmentTray } from './attachment-tray'
import { Composer, type EditTarget, type ReplyTarget } from './composer'
import { ForwardDialog } from './forward-dialog'
import { MemberPanel } from './member-panel'
import { MessageActionsBar, ReactionChips } from './message-actions'
import { MessageItem } from './message-item'
import { MessageList } from './message-list'
import { PendingMessage } from './pending-message'
import { PinnedPanel } from './pinned-panel'
import { PlanetMute } from './planet-mute'
import { SearchPanel } from './search-panel'
import { useAttachments } from './use-attachments'
import { useFocusReport } from './use-focus-report'
import { useMessageActions } from './use-message-actions'
import { useOutbox } from './use-outbox'
import { useReadReceipts } from './use-read-receipts'
import { type StreamEvent, usePlanetTimeline } from './use-timeline'
import { useTyping } from './use-typing'

type Viewer = { id: string; nickname: string }
type Panel = 'members' | 'pinned' | 'search' | null

const NOTICE_MS = 6_000
const WHEN_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
}

export function ChatRoom({
  travelId,
  planetId,
  viewer,
}: {
  travelId: string
  planetId: string
  viewer: Viewer
}) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const t = useTranslations()
  const locale = useLocale()
  const describeRefusal = useDescribeRefusal()
  const whenFormat = useDateFormat(WHEN_OPTIONS)
  // Refreshed every minute: chat hours open and close while the page stays open.
  const planets = useQuery(trpc.planets.list.queryOptions({ travelId }, { refetchInterval: 60_000 }))
  const travel = useQuery(trpc.travels.get.queryOptions({ travelId }))
  const members = useQuery(trpc.planets.members.queryOptions({ planetId }))
  // Read once, before this visit marks anything read, to place the "unread" divider.
  const unread = useQuery(
    trpc.reads.unreadCounts.queryOptions({ travelId }, { staleTime: Infinity, gcTime: 0 }),
  )
  const planet = planets.data?.find((p) => p.id === planetId) ?? null
  // A planet opened just now (a new direct chat) may be missing from a cached list: fetch it once more.
  const refetchedPlanets = useRef(false)
  useEffect(() => {
    if (!planets.isSuccess || planet || refetchedPlanets.current) return
    refetchedPlanets.current = true
    void planets.refetch()
  }, [planets, planet])
  const presence = usePresence(travelId)
  const router = useRouter()
  const openDirect = useMutation(
    trpc.planets.openDirect.mutationOptions({
      onSuccess: (direct) => router.push(`/travels/${travelId}/planets/${direct.id}`),
      onError: (error) => setNotice(describeRefusal(error).text),
    }),
  )

  const typing = useTyping(planetId)
  useFocusReport(planetId)
  const [unreadReady, setUnreadReady] = useState(false)
  const refreshPinned = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.messages.listPinned.queryKey({ planetId }) }),
    [queryClient, trpc, planetId],
  )
  // The stream feeds several hooks; the read receipts one needs the timeline, so it is wired after it.
  const receiptsOnEvent = useRef<(event: StreamEvent) => void>(() => {})
  const onEvent = useCallback(
    (event: StreamEvent) => {
      typing.onEvent(event)
      receiptsOnEvent.current(event)
      if (event.type === 'message.pinned' || event.type === 'message.unpinned') refreshPinned()
    },
    [typing.onEvent, refreshPinned],
  )
  const timeline = usePlanetTimeline({ planetId, onEvent })
  const newest = timeline.messages.at(-1)?.id ?? null
  // Reading waits until the unread divider is placed, so this visit does not erase what it shows.
  const receipts = useReadReceipts(planetId, unreadReady ? newest : null)
  receiptsOnEvent.current = receipts.onEvent
  const outbox = useOutbox(planetId, (message) => timeline.merge([message]))
  const attachments = useAttachments()

  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(null)
  const [editing, setEditing] = useState<EditTarget | null>(null)
  const [forwarding, setForwarding] = useState<MessageView | null>(null)
  const [panel, setPanel] = useState<Panel>(null)
  const [focusId, setFocusId] = useState<string | null>(null)
  const [notice, setNoticeState] = useState<{ text: string; tone: 'info' | 'error' } | null>(null)
  const setNotice = useCallback((text: string) => setNoticeState({ text, tone: 'error' }), [])
  const inform = useCallback((text: string) => setNoticeState({ text, tone: 'info' }), [])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNoticeState(null), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])

  const actions = useMessageActions({
    merge: timeline.merge,
    patchReactions: timeline.patchReactions,
    onRefusal: setNotice,
  })

  const [unreadFromId, setUnreadFromId] = useState<string | null>(null)
  useEffect(() => {
    if (unreadReady || !timeline.loaded || !(unread.isSuccess || unread.isError)) return
    const count = unread.data?.planets.find((p) => p.planetId === planetId)?.unread ?? 0
    setUnreadFromId(firstUnreadId(timeline.messages, count, viewer.id))
    setUnreadReady(true)
  }, [unreadReady, timeline.loaded, timeline.messages, unread, planetId, viewer.id])

  const now = useMemo(() => new Date(), [timeline.messages])
  const days = useMemo(
    () => ({ today: t('chat.today'), yesterday: t('chat.yesterday'), locale }),
    [t, locale],
  )
  const rows = useMemo(
    () => timelineRows(timeline.messages, { now, unreadFromId, days }),
    [timeline.messages, now, unreadFromId, days],
  )
  // A pending send disappears once the api's copy of it is in the timeline.
  const delivered = useMemo(
    () => new Set(timeline.messages.filter((m) => m.senderId === viewer.id).map((m) => m.clientMessageId)),
    [timeline.messages, viewer.id],
  )
  const pending = outbox.items.filter((item) => !delivered.has(item.clientMessageId))
  const lastKey = pending.at(-1)?.clientMessageId ?? newest

  const jumpTo = useCallback(
    async (messageId: string) => {
      setPanel(null)
      if (await timeline.loadUntil(messageId)) {
        setFocusId(messageId)
        setTimeout(() => setFocusId(null), 2_500)
      } else setNotice(t('chat.notInHistory'))
    },
    [timeline.loadUntil, t],
  )

  if (timeline.revoked) {
    return (
      <div className="page">
        <section className="card error-card" role="alert" data-testid="access-revoked">
          <h1>{t('chat.revokedTitle')}</h1>
          <p>{timeline.revoked.text}</p>
          <Link className="button button-secondary" href="/">
            {t('common.backToTravels')}
          </Link>
        </section>
      </div>
    )
  }

  const isStaff = travel.data?.myRole === 'HOST' || travel.data?.myRole === 'MODERATOR'
  const canModerate = isStaff || planet?.type === 'DIRECT'
  const disabledReason =
    planet?.type === 'ANNOUNCEMENT' && travel.data && !isStaff
      ? t('chat.readOnly')
      : planet && !planet.chatHours.open
        ? planet.chatHours.nextOpenAt
          ? t('chat.outsideHours', { when: whenFormat.format(new Date(planet.chatHours.nextOpenAt)) })
          : t('chat.closedForGood')
        : null
  const mentionable = (members.data ?? [])
    .filter((m) => m.userId !== viewer.id)
    .map((m) => m.nickname ?? '')
    .filter(Boolean)
  const typers = typingText(typing.typers, (key, values) => t(`chat.${key}`, values))
  // A direct chat is named after the other person.
  const title =
    planet?.type === 'DIRECT'
      ? (members.data?.find((m) => m.userId !== viewer.id)?.nickname ?? planet.name)
      : (planet?.name ?? t('meta.chat'))
  const lastMessage = timeline.messages.at(-1)
  // Under the title: who is typing, else the planet's kind and size; while the socket is down,
  // "connecting…" comes first so a narrow screen never cuts it off.
  const status =
    typers ||
    (planet ? t('chat.memberMeta', { type: t(`planetTypes.${planet.type}`), count: planet.memberCount }) : '')

  return (
    <div className="chat-page" data-panel={panel ?? 'none'}>
      <header className="chat-header">
        <Link href={`/travels/${travelId}`} className="icon-button" aria-label={t('chat.back')}>
          ←
        </Link>
        <div className="chat-title">
          <h1>{title}</h1>
          <span className="chat-status muted" aria-live="polite">
            {timeline.live ? status || ' ' : [t('chat.connecting'), status].filter(Boolean).join(' · ')}
          </span>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t('chat.searchMessages')}
          aria-pressed={panel === 'search'}
          onClick={() => setPanel(panel === 'search' ? null : 'search')}
        >
          🔍
        </button>
        <PlanetMute planetId={planetId} onNotice={inform} />
        <button
          type="button"
          className="icon-button"
          aria-label={t('chat.pinnedMessages')}
          aria-pressed={panel === 'pinned'}
          onClick={() => setPanel(panel === 'pinned' ? null : 'pinned')}
        >
          📌
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('chat.members')}
          aria-pressed={panel === 'members'}
          onClick={() => setPanel(panel === 'members' ? null : 'members')}
        >
          👥
        </button>
      </header>

      <div className="chat-body">
        <section className="chat-main" aria-label={t('chat.conversation')}>
          {timeline.loadError ? (
            <div className="chat-notice" role="alert">
              {timeline.loadError.text}
            </div>
          ) : null}
          {!timeline.loaded && !timeline.loadError ? (
            <div className="chat-loading" role="status">
              <span className="spinner" aria-hidden="true" /> {t('chat.loadingMessages')}
            </div>
          ) : (
            <MessageList
              firstKey={timeline.messages[0]?.id ?? null}
              lastKey={lastKey}
              hasOlder={timeline.hasOlder}
              loadingOlder={timeline.loadingOlder}
              loadOlder={() => void timeline.loadOlder()}
              focusId={focusId}
              sentKey={pending.at(-1)?.clientMessageId ?? null}
              empty={<div className="chat-empty">{t('chat.empty')}</div>}
            >
              {rows.map((row) => {
                if (row.kind === 'day') {
                  return (
                    <div key={row.key} className="day-separator">
                      <span>{row.label}</span>
                    </div>
                  )
                }
                if (row.kind === 'unread') {
                  return (
                    <div key={row.key} className="unread-divider" data-testid="unread-divider">
                      <span>{t('chat.unreadDivider')}</span>
                    </div>
                  )
                }
                const message = row.message
                const isLast = message.id === lastMessage?.id
                return (
                  <MessageItem
                    key={row.key}
                    message={message}
                    mine={message.senderId === viewer.id}
                    startsGroup={row.startsGroup}
                    highlighted={focusId === message.id}
                    footer={
                      <>
                        <ReactionChips
                          message={message}
                          viewerId={viewer.id}
                          onToggle={(emoji) => void actions.toggleReaction(message, emoji, viewer.id)}
                        />
                        {isLast && receipts.seenBy.length > 0 ? (
                          <div className="seen-by" data-testid="seen-by">
                            {t('chat.seenBy', { names: receipts.seenBy.join(', ') })}
                          </div>
                        ) : null}
                      </>
                    }
                    actions={
                      message.type === 'SYSTEM' ? null : (
                        <MessageActionsBar
                          message={message}
                          viewerId={viewer.id}
                          canModerate={canModerate}
                          handlers={{
                            react: (emoji) => void actions.toggleReaction(message, emoji, viewer.id),
                            reply: () => {
                              setEditing(null)
                              setReplyTo({
                                id: message.id,
                                author: message.senderNickname ?? t('common.traveller'),
                                excerpt: (message.content ?? '').slice(0, 120),
                              })
                            },
                            edit: () => {
                              setReplyTo(null)
                              setEditing({ id: message.id, content: message.content ?? '' })
                            },
                            remove: () => void actions.remove(message.id),
                            restore: () => void actions.restore(message.id),
                            togglePin: () =>
                              void (
                                message.pinnedAt ? actions.unpin(message.id) : actions.pin(message.id)
                              ).then(refreshPinned),
                            forward: () => setForwarding(message),
                          }}
                        />
                      )
                    }
                  />
                )
              })}
              {pending.map((item) => (
                <PendingMessage
                  key={item.clientMessageId}
                  item={item}
                  onRetry={() => outbox.retry(item.clientMessageId)}
                  onDiscard={() => outbox.discard(item.clientMessageId)}
                />
              ))}
            </MessageList>
          )}
          {typers ? (
            <div className="typing-indicator" data-testid="typing-indicator">
              <span className="typing-dots" aria-hidden="true">
                <i />
                <i />
                <i />
              </span>
              {typers}
            </div>
          ) : null}
          {notice ? (
            <div className="chat-notice" data-tone={notice.tone} role="alert" data-testid="chat-notice">
              {notice.text}
            </div>
          ) : null}
          <Composer
            onSend={(text) => {
              if (editing) {
                const target = editing
                setEditing(null)
                if (text && text !== target.content) void actions.edit(target.id, text)
                return true
              }
              if (attachments.busy) {
                setNotice(t('chat.waitForUploads'))
                return false
              }
              outbox.send(text, replyTo?.id, attachments.readyFileIds)
              attachments.clear()
              setReplyTo(null)
              return true
            }}
            replyTo={replyTo}
            editing={editing}
            onCancel={() => {
              setReplyTo(null)
              setEditing(null)
            }}
            onTyping={typing.setTyping}
            tools={<AttachButton onPick={attachments.add} />}
            above={<AttachmentTray files={attachments.files} onRemove={attachments.remove} />}
            canSendEmpty={attachments.readyFileIds.length > 0}
            mentionable={mentionable}
            disabledReason={disabledReason}
          />
        </section>

        {panel ? (
          <aside
            className="chat-side"
            aria-label={t(`chat.panels.${panel}`)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && !event.defaultPrevented) setPanel(null)
            }}
          >
            <div className="side-head">
              <h2 className="side-title">{t(`chat.panels.${panel}`)}</h2>
              <button
                type="button"
                className="icon-button"
                aria-label={t('chat.closePanel')}
                onClick={() => setPanel(null)}
              >
                ✕
              </button>
            </div>
            {panel === 'pinned' ? (
              <PinnedPanel planetId={planetId} onJump={(id) => void jumpTo(id)} />
            ) : panel === 'search' ? (
              <SearchPanel planetId={planetId} onJump={(id) => void jumpTo(id)} />
            ) : (
              <MemberPanel
                members={members.data}
                isPending={members.isPending}
                viewerId={viewer.id}
                presence={presence}
                onMessage={(userId) => openDirect.mutate({ travelId, userId })}
              />
            )}
          </aside>
        ) : null}
      </div>

      {forwarding ? (
        <ForwardDialog
          travelId={travelId}
          fromPlanetId={planetId}
          onClose={() => setForwarding(null)}
          onPick={(toPlanetId) => {
            const message = forwarding
            setForwarding(null)
            void actions.forward(message.id, toPlanetId).then((ok) => ok && inform(t('chat.forwarded')))
          }}
        />
      ) : null}
    </div>
  )
}
