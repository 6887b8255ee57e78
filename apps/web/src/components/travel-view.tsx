'use client'

import { useMutation, useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useTRPC } from '@/lib/connecto'
import { useDateFormat } from '@/lib/format'
import { useDescribeRefusal } from '@/lib/refusal'
import { Avatar } from './avatar'
import { CopyButton } from './copy-button'
import { PlanetUnreadBadge } from './unread-badge'
import { type PresenceStatus, usePresence } from './use-presence'

const DAY_OPTIONS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
}

export function TravelView({ travelId, viewerId }: { travelId: string; viewerId: string }) {
  const trpc = useTRPC()
  const travel = useQuery(trpc.travels.get.queryOptions({ travelId }))
  const planets = useQuery(trpc.planets.list.queryOptions({ travelId }))
  const members = useQuery(trpc.travels.members.queryOptions({ travelId }))
  const presence = usePresence(travelId)
  const tr = useTranslations()
  const describeRefusal = useDescribeRefusal()
  const dayFormat = useDateFormat(DAY_OPTIONS)

  if (travel.isPending) return <PageLoading label={tr('travel.loading')} />
  if (travel.isError) return <PageError message={describeRefusal(travel.error).text} />
  const t = travel.data

  return (
    <div className="page travel-page">
      <header className="page-header travel-header">
        <p className="eyebrow">
          <Link href="/">{tr('travels.heading')}</Link> / {tr(`travelStatus.${t.status}`)}
        </p>
        <h1>{t.name}</h1>
        <p className="lead">
          {dayFormat.formatRange(new Date(t.startDate), new Date(t.endDate))} ·{' '}
          {tr('common.membersCount', { count: t.memberCount })}
          {t.myRole ? tr('travel.youAre', { role: tr(`travelRoles.${t.myRole}`).toLowerCase() }) : ''}
        </p>
        {t.description ? <p className="travel-description">{t.description}</p> : null}
        {t.inviteCode ? (
          <div className="invite-line">
            {tr('travels.inviteCode')} <code data-testid="invite-code">{t.inviteCode}</code>
            <CopyButton
              value={`${typeof window === 'undefined' ? '' : window.location.origin}/join/${t.inviteCode}`}
              label={tr('travel.copyInviteLink', { name: t.name })}
            />
          </div>
        ) : null}
      </header>

      <div className="travel-columns">
        <section className="card" aria-labelledby="planets-heading">
          <h2 id="planets-heading" className="card-title">
            {tr('travel.planets')}
          </h2>
          {planets.isPending ? (
            <ListSkeleton />
          ) : planets.isError ? (
            <p role="alert" className="form-error">
              {describeRefusal(planets.error).text}
            </p>
          ) : planets.data.length === 0 ? (
            <p className="muted">{tr('travel.noPlanets')}</p>
          ) : (
            <ul className="planet-list">
              {planets.data
                .filter((planet) => planet.myRole !== null)
                .map((planet) => (
                  <li key={planet.id}>
                    <Link
                      className="planet-row"
                      href={`/travels/${travelId}/planets/${planet.id}`}
                      data-testid="planet-link"
                    >
                      <span className="planet-glyph" data-type={planet.type} aria-hidden="true">
                        {planet.type === 'ANNOUNCEMENT' ? '📣' : planet.type === 'DIRECT' ? '👤' : '#'}
                      </span>
                      <span className="planet-row-text">
                        <strong>{planet.name}</strong>
                        <span className="muted">
                          {tr('travel.planetMeta', {
                            type: tr(`planetTypes.${planet.type}`),
                            count: planet.memberCount,
                          })}
                          {planet.chatHours.open ? '' : tr('travel.closedNow')}
                        </span>
                      </span>
                      <PlanetUnreadBadge planetId={planet.id} />
                    </Link>
                  </li>
                ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="members-heading">
          <h2 id="members-heading" className="card-title">
            {tr('travel.members')}
          </h2>
          {members.isPending ? (
            <ListSkeleton />
          ) : members.isError ? (
            <p role="alert" className="form-error">
              {describeRefusal(members.error).text}
            </p>
          ) : (
            <ul className="member-list">
              {members.data.map((member) => (
                <MemberRow
                  key={member.userId}
                  travelId={travelId}
                  member={member}
                  presence={presence.get(member.userId) ?? (member.online ? 'online' : 'offline')}
                  isViewer={member.userId === viewerId}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}

type Member = {
  userId: string
  nickname: string | null
  role: 'HOST' | 'MODERATOR' | 'PARTICIPANT'
  online: boolean
}

type MemberRowProps = { travelId: string; member: Member; presence: PresenceStatus; isViewer: boolean }

function MemberRow({ travelId, member, presence, isViewer }: MemberRowProps) {
  const trpc = useTRPC()
  const router = useRouter()
  const openDirect = useMutation(
    trpc.planets.openDirect.mutationOptions({
      onSuccess: (planet) => router.push(`/travels/${travelId}/planets/${planet.id}`),
    }),
  )
  const t = useTranslations()
  const describeRefusal = useDescribeRefusal()
  const name = member.nickname ?? t('common.traveller')
  return (
    <li className="member-row" data-testid="member">
      <Avatar name={name} seed={member.userId} presence={presence} />
      <span className="member-text">
        <strong>
          {name}
          {isViewer ? t('common.you') : ''}
        </strong>
        <span className="muted">
          {t(`travelRoles.${member.role}`)} · {t(`presence.${presence}`)}
        </span>
      </span>
      {isViewer ? null : (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => openDirect.mutate({ travelId, userId: member.userId })}
          disabled={openDirect.isPending}
          aria-label={t('travel.messageTo', { name })}
        >
          {t('travel.message')}
        </button>
      )}
      {openDirect.error ? (
        <span role="alert" className="form-error">
          {describeRefusal(openDirect.error).text}
        </span>
      ) : null}
    </li>
  )
}

export function PageLoading({ label }: { label: string }) {
  return (
    <div className="page page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  )
}

export function PageError({ message }: { message: string }) {
  const t = useTranslations()
  return (
    <div className="page">
      <section className="card error-card" role="alert">
        <h1>{t('travel.couldNotOpen')}</h1>
        <p>{message}</p>
        <Link className="button button-secondary" href="/">
          {t('common.backToTravels')}
        </Link>
      </section>
    </div>
  )
}

function ListSkeleton() {
  const t = useTranslations('common')
  return (
    <div className="skeleton-list" role="status" aria-busy="true">
      <span className="visually-hidden">{t('loadingShort')}</span>
      <span />
      <span />
      <span />
    </div>
  )
}
