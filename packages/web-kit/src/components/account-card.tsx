import type { ReactNode } from 'react'
import type { TSessionUser } from '../auth/types'
import styles from './account-card.module.css'
import { RoleBadge } from './role-badge'
import { SignOutButton } from './sign-out-button'

// First letter or digit of the nickname: nicknames are free text ("Hana (host)", emoji, scripts without case).
const initialOf = (name: string) => name.match(/[\p{L}\p{N}]/u)?.[0]?.toUpperCase() ?? '?'

type AccountCardProps = {
  user: TSessionUser
  heading: string
  children?: ReactNode
  /** The app's own words: "Signed in as …", the role badge, the sign-out button. English otherwise. */
  whoami?: ReactNode
  roleLabel?: string
  signOut?: ReactNode
}

/** Who is signed in, with their role and a way out. */
export function AccountCard({ user, heading, children, whoami, roleLabel, signOut }: AccountCardProps) {
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
          {whoami ?? (
            <>
              Signed in as <strong>{user.nickname}</strong> ({user.email})
            </>
          )}
        </p>
        <div className={styles.meta}>
          <RoleBadge role={user.role} label={roleLabel} />
        </div>
        {children}
      </div>
      <div className={styles.actions}>{signOut ?? <SignOutButton />}</div>
    </section>
  )
}
