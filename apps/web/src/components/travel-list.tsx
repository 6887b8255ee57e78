import type { ApiOutputs } from '@connecto/web-kit/api'
import Link from 'next/link'
import { useLocale, useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { CopyButton } from './copy-button'
import styles from './travel-list.module.css'
import { PlanetUnreadBadge, TravelUnreadBadge } from './unread-badge'

export type MyTravel = ApiOutputs['travels']['listMine'][number]

type PlanetType = MyTravel['planets'][number]['type']

// Travel dates are whole days; UTC keeps the range the same whichever zone this server runs in.
const DATE_OPTIONS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
}

const formatDates = (locale: string, start: Date, end: Date) =>
  new Intl.DateTimeFormat(locale, DATE_OPTIONS).formatRange(start, end)

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  )
}

const PLANET_ICONS: Record<PlanetType, ReactNode> = {
  GROUP: (
    <Icon>
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
    </Icon>
  ),
  DIRECT: (
    <Icon>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </Icon>
  ),
  ANNOUNCEMENT: (
    <Icon>
      <path d="M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1z" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />
    </Icon>
  ),
}

function TravelCard({ travel }: { travel: MyTravel }) {
  const t = useTranslations()
  const locale = useLocale()
  const planetLabel = (type: PlanetType) =>
    type === 'DIRECT' ? t('travels.directMessages') : t(`planetTypes.${type}`)
  const headingId = `travel-${travel.id}`
  return (
    <article className={styles.card} aria-labelledby={headingId} data-testid="travel-card">
      <header className={styles.cardHeader}>
        <h3 id={headingId} className={styles.name}>
          <Link href={`/travels/${travel.id}`} className={styles.nameLink}>
            {travel.name}
          </Link>{' '}
          <TravelUnreadBadge travelId={travel.id} />
        </h3>
        <span className={styles.status} data-status={travel.status}>
          {t(`travelStatus.${travel.status}`)}
        </span>
      </header>

      <ul className={styles.facts}>
        <li>
          <Icon>
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </Icon>
          {formatDates(locale, travel.startDate, travel.endDate)}
        </li>
        <li>
          <Icon>
            <circle cx="9" cy="8" r="3.5" />
            <path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M18 14.5a6.5 6.5 0 0 1 3.5 5.5" />
          </Icon>
          {t('common.membersCount', { count: travel.memberCount })}
        </li>
        <li>
          <span className={styles.role} data-role={travel.myRole}>
            {t(`travelRoles.${travel.myRole}`)}
          </span>
        </li>
      </ul>

      {travel.description ? <p className={styles.description}>{travel.description}</p> : null}

      {travel.planets.length > 0 ? (
        <ul className={styles.planets} aria-label={t('travels.planets')}>
          {travel.planets.map((planet) => (
            <li key={planet.id}>
              <Link
                href={`/travels/${travel.id}/planets/${planet.id}`}
                className={styles.planet}
                data-type={planet.type}
                title={planetLabel(planet.type)}
              >
                <span className={styles.planetIcon}>{PLANET_ICONS[planet.type]}</span>
                <span className={styles.planetName}>{planet.name}</span>
                <span className="visually-hidden"> ({planetLabel(planet.type)})</span>
                <PlanetUnreadBadge planetId={planet.id} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      {travel.inviteCode ? (
        <div className={styles.invite}>
          <div className={styles.inviteText}>
            <span className={styles.inviteLabel}>{t('travels.inviteCode')}</span>
            <code className={styles.inviteCode}>{travel.inviteCode}</code>
          </div>
          <CopyButton value={travel.inviteCode} label={t('travels.copyInviteCode', { name: travel.name })} />
        </div>
      ) : null}
    </article>
  )
}

export function TravelList({ travels }: { travels: MyTravel[] }) {
  const t = useTranslations('travels')
  return (
    <section className={styles.section} aria-labelledby="travels-heading">
      <div className={styles.sectionHeader}>
        <h2 id="travels-heading" className={styles.sectionTitle}>
          {t('heading')}
        </h2>
        <span className={styles.count}>{travels.length}</span>
        <TravelActions />
      </div>
      <div className={styles.grid}>
        {travels.map((travel) => (
          <TravelCard key={travel.id} travel={travel} />
        ))}
      </div>
    </section>
  )
}

/** Start a trip or join one: on the list and on its empty state. */
export function TravelActions() {
  const t = useTranslations('travels')
  return (
    <div className={styles.actions}>
      <Link href="/join" className="button button-secondary">
        {t('joinWithCode')}
      </Link>
      <Link href="/travels/new" className="button button-primary">
        {t('newTravel')}
      </Link>
    </div>
  )
}

export function TravelListError({ message }: { message: string }) {
  const t = useTranslations()
  return (
    <section className={styles.error} role="alert" data-testid="travels-error">
      <div className={styles.errorIcon} aria-hidden="true">
        !
      </div>
      <div className={styles.errorBody}>
        <h2 className={styles.errorTitle}>{t('travels.loadErrorTitle')}</h2>
        <p className={styles.errorMessage}>{message}</p>
      </div>
      <a className={`button button-secondary ${styles.retry}`} href="/">
        {t('common.tryAgain')}
      </a>
    </section>
  )
}
