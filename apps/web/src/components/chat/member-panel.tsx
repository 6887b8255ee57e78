'use client'

import { useTranslations } from 'next-intl'
import { Avatar } from '../avatar'
import type { PresenceStatus } from '../use-presence'

type PlanetMember = { userId: string; nickname: string | null; role: string }

type MemberPanelProps = {
  members: PlanetMember[] | undefined
  isPending: boolean
  viewerId: string
  presence: ReadonlyMap<string, PresenceStatus>
  onMessage: (userId: string) => void
}

/** The planet's members with their presence, and a way to message each privately. */
export function MemberPanel({ members, isPending, viewerId, presence, onMessage }: MemberPanelProps) {
  const t = useTranslations()
  if (isPending) return <p className="muted">{t('common.loading')}</p>
  if (!members) return <p className="muted">{t('memberPanel.loadError')}</p>
  return (
    <ul className="member-list compact">
      {members.map((member) => (
        <li key={member.userId} className="member-row">
          <Avatar
            name={member.nickname ?? t('common.traveller')}
            seed={member.userId}
            size={28}
            presence={presence.get(member.userId) ?? 'offline'}
          />
          <span className="member-text">
            <strong>
              {member.nickname ?? t('common.traveller')}
              {member.userId === viewerId ? t('common.you') : ''}
            </strong>
            <span className="muted">{t(`presence.${presence.get(member.userId) ?? 'offline'}`)}</span>
          </span>
          {member.userId === viewerId ? null : (
            <button
              type="button"
              className="icon-button"
              aria-label={t('travel.messageTo', { name: member.nickname ?? t('common.traveller') })}
              onClick={() => onMessage(member.userId)}
            >
              💬
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
