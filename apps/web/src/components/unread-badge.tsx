'use client'

import { usePlanetUnread, useTravelUnread } from '@/lib/me-stream'

function Badge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null
  return (
    <span className="count-badge count-badge-inline" data-testid="unread-badge">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{`${count} unread ${label}`}</span>
    </span>
  )
}

export function PlanetUnreadBadge({ planetId }: { planetId: string }) {
  return <Badge count={usePlanetUnread(planetId)} label="messages" />
}

export function TravelUnreadBadge({ travelId }: { travelId: string }) {
  return <Badge count={useTravelUnread(travelId)} label="messages in this travel" />
}
