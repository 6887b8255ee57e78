'use client'

import { useTranslations } from 'next-intl'
import { usePlanetUnread, useTravelUnread } from '@/lib/me-stream'

function Badge({ count, kind }: { count: number; kind: 'planet' | 'travel' }) {
  const t = useTranslations('unread')
  if (count <= 0) return null
  return (
    <span className="count-badge count-badge-inline" data-testid="unread-badge">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{t(kind, { count })}</span>
    </span>
  )
}

export function PlanetUnreadBadge({ planetId }: { planetId: string }) {
  return <Badge count={usePlanetUnread(planetId)} kind="planet" />
}

export function TravelUnreadBadge({ travelId }: { travelId: string }) {
  return <Badge count={useTravelUnread(travelId)} kind="travel" />
}
