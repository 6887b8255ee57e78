'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { useMe } from '@/lib/me-stream'

const TOAST_MS = 8_000

/** A toast for each new mention, unless the viewer is already looking at that chat. */
export function MentionToasts() {
  const { mentions, dismissMention } = useMe()
  const pathname = usePathname()
  const t = useTranslations('mentions')
  const someone = useTranslations('common')('someone')
  const visible = mentions.filter((m) => !pathname.endsWith(`/planets/${m.planetId}`))

  useEffect(() => {
    if (mentions.length === 0) return
    const oldest = mentions[0]
    if (!oldest) return
    const timer = setTimeout(() => dismissMention(oldest.id), TOAST_MS)
    return () => clearTimeout(timer)
  }, [mentions, dismissMention])

  return (
    <div className="toasts" role="status" aria-live="polite">
      {visible.map((mention) => (
        <div key={mention.id} className="toast" data-testid="mention-toast">
          <Link
            className="toast-link"
            href={`/travels/${mention.travelId}/planets/${mention.planetId}`}
            onClick={() => dismissMention(mention.id)}
          >
            <strong>{t('mentioned', { name: mention.message.senderNickname ?? someone })}</strong>
            <span>{mention.message.content}</span>
          </Link>
          <button
            type="button"
            className="icon-button"
            aria-label={t('dismiss')}
            onClick={() => dismissMention(mention.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  )
}
