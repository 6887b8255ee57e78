import Link from 'next/link'
import { type AppIdentity, Logo } from './logo'

export function SiteHeader({ name, badge }: AppIdentity) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-header-home" aria-label="Home">
          <Logo name={name} badge={badge} />
        </Link>
      </div>
    </header>
  )
}
