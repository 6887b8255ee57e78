import type { ReactNode } from 'react'
import type { TSessionUser } from '../auth/types'
import styles from './account-card.module.css'
import { RoleBadge } from './role-badge'
import { SignOutButton } from './sign-out-button'

// First letter or digit of the nickname: nicknames are free text ("Hana (host)", emoji, scripts without case).
const initialOf = (name: string) => name.match(/[\p{L}\p{N}]/u)?.[0]?.toUpperCase() ?? '?'

type AccountCardProps = { user: TSessionUser; heading: string; children?: ReactNode }

/** Who is signed in, with their role and a way out. */
export function AccountCard({ user, heading, children }: AccountCardProps) {
  return (
    <section className={styles.card} aria-labelledby="account-heading">
      <div className={styles.avatar} aria-hidden="true">
        {initialOf(user.nickname)}
      </div>
      <div className={styles.body}>
        <h1 id="account-heading" className={styles.heading}>
          {heading}
        </h1>
        <p className={styles.whoami} data-testid="whoami">
          Signed in as <strong>{user.nickname}</strong> ({user.email})
        </p>
        <div className={styles.meta}>
          <RoleBadge role={user.role} />
        </div>
        {children}
      </div>
      <div className={styles.actions}>
        <SignOutButton />
      </div>
    </section>
  )
}
