'use client'

import { LogoMark } from '@connecto/web-kit/components/logo'
import Link from 'next/link'
import { useSession } from 'next-auth/react'
import { Avatar } from './avatar'
import { NotificationBell } from './notification-bell'

export function AppHeader({ name }: { name: string }) {
  const { data: session } = useSession()
  const user = session && !session.error ? session.user : null
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-header-home" aria-label={`${name} home`}>
          <span className="logo">
            <LogoMark />
            <span className="logo-name">{name}</span>
          </span>
        </Link>
        {user ? (
          <nav className="header-nav" aria-label="Account">
            <Link href="/join" className="header-link">
              Join
            </Link>
            <NotificationBell />
            <Link href="/profile" className="header-profile" aria-label={`Profile of ${user.nickname}`}>
              <Avatar name={user.nickname} seed={user.id} size={32} />
            </Link>
          </nav>
        ) : null}
      </div>
    </header>
  )
}
