'use client'

import { useQuery } from '@tanstack/react-query'
import { useTranslations } from 'next-intl'
import { useTRPC } from '@/lib/connecto'
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
  const t = useTranslations()
  const targets = (planets.data ?? []).filter((p) => p.id !== fromPlanetId && p.myRole !== null)
  return (
    <div className="modal-backdrop">
      <Popover onClose={onClose} label={t('forward.label')} className="modal">
        <h2 className="modal-title">{t('forward.title')}</h2>
        {planets.isPending ? (
          <p className="muted">{t('forward.loading')}</p>
        ) : targets.length === 0 ? (
          <p className="muted">{t('forward.none')}</p>
        ) : (
          <ul className="planet-list">
            {targets.map((planet) => (
              <li key={planet.id}>
                <button type="button" className="planet-row planet-button" onClick={() => onPick(planet.id)}>
                  <span className="planet-row-text">
                    <strong>{planet.name}</strong>
                    <span className="muted">{t(`planetTypes.${planet.type}`)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </Popover>
    </div>
  )
}
