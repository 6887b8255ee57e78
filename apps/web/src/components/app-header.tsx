'use client'

import { LogoMark } from '@connecto/web-kit/components/logo'
import Link from 'next/link'
import { useSession } from 'next-auth/react'
import { useTranslations } from 'next-intl'
import { Avatar } from './avatar'
import { NotificationBell } from './notification-bell'

export function AppHeader({ name }: { name: string }) {
  const { data: session } = useSession()
  const t = useTranslations('header')
  const user = session && !session.error ? session.user : null
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-header-home" aria-label={t('home', { name })}>
          <span className="logo">
            <LogoMark />
            <span className="logo-name">{name}</span>
          </span>
        </Link>
        {user ? (
          <nav className="header-nav" aria-label={t('account')}>
            <Link href="/join" className="header-link">
              {t('join')}
            </Link>
            <NotificationBell />
            <Link
              href="/profile"
              className="header-profile"
              aria-label={t('profileOf', { name: user.nickname })}
            >
              <Avatar name={user.nickname} seed={user.id} size={32} />
            </Link>
          </nav>
        ) : null}
      </div>
    </header>
  )
}
