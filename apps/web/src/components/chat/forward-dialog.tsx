'use client'

import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '@/lib/connecto'
import { PLANET_TYPE_LABELS } from '../labels'
import { Popover } from './popover'

type Props = {
  travelId: string
  fromPlanetId: string
  onPick: (planetId: string) => void
  onClose: () => void
}

/** Where to forward a message: the other planets of this travel the viewer belongs to. */
export function ForwardDialog({ travelId, fromPlanetId, onPick, onClose }: Props) {
  const trpc = useTRPC()
  const planets = useQuery(trpc.planets.list.queryOptions({ travelId }))
  const targets = (planets.data ?? []).filter((p) => p.id !== fromPlanetId && p.myRole !== null)
  return (
    <div className="modal-backdrop">
      <Popover onClose={onClose} label="Forward to" className="modal">
        <h2 className="modal-title">Forward to…</h2>
        {planets.isPending ? (
          <p className="muted">Loading planets…</p>
        ) : targets.length === 0 ? (
          <p className="muted">There is no other planet to forward to.</p>
        ) : (
          <ul className="planet-list">
            {targets.map((planet) => (
              <li key={planet.id}>
                <button type="button" className="planet-row planet-button" onClick={() => onPick(planet.id)}>
                  <span className="planet-row-text">
                    <strong>{planet.name}</strong>
                    <span className="muted">{PLANET_TYPE_LABELS[planet.type]}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
      </Popover>
    </div>
  )
}
