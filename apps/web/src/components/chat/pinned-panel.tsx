'use client'

import { useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useTRPC } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'

/** The planet's pinned messages; picking one jumps to it in the conversation. */
export function PinnedPanel({ planetId, onJump }: { planetId: string; onJump: (messageId: string) => void }) {
  const trpc = useTRPC()
  const pinned = useQuery(trpc.messages.listPinned.queryOptions({ planetId }))
  const t = useTranslations()
  const describeRefusal = useDescribeRefusal()
  if (pinned.isPending) return <p className="muted">{t('pinned.loading')}</p>
  if (pinned.isError) return <p className="form-error">{describeRefusal(pinned.error).text}</p>
  if (pinned.data.length === 0) return <p className="muted">{t('pinned.empty')}</p>
  return (
    <ul className="pinned-list" data-testid="pinned-list">
      {pinned.data.map((message) => (
        <li key={message.id}>
          <button type="button" className="pinned-item" onClick={() => onJump(message.id)}>
            <strong>{message.senderNickname ?? t('common.traveller')}</strong>
            <span>{message.content ?? t('message.attachment')}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
