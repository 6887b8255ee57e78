'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const LINKS = [
  { href: '/', label: 'Dashboard', adminOnly: false },
  { href: '/users', label: 'Users', adminOnly: true },
  { href: '/travels', label: 'Travels', adminOnly: false },
  { href: '/moderation', label: 'Moderation', adminOnly: false },
  { href: '/audit', label: 'Audit log', adminOnly: false },
  { href: '/system', label: 'System', adminOnly: true },
] as const

export function StaffNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname()
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href))
  return (
    <nav className="staff-nav" aria-label="Admin sections">
      {LINKS.filter((l) => isAdmin || !l.adminOnly).map((l) => (
        <Link key={l.href} href={l.href} aria-current={current(l.href) ? 'page' : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  )
}
