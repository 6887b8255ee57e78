'use client'

import { useTranslations } from 'next-intl'
import { useOnline } from '@/lib/connecto'

/** Shown while the browser is offline; what is written meanwhile waits in the outbox. */
export function ConnectionBanner() {
  const online = useOnline()
  const t = useTranslations('banner')
  if (online) return null
  return (
    <div className="connection-banner" role="status" data-testid="offline-banner">
      {t('offline')}
    </div>
  )
}
