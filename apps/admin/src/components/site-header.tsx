import Link from 'next/link'
import { Logo } from './logo'

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-header-home" aria-label="Home">
          <Logo />
        </Link>
      </div>
    </header>
  )
}
