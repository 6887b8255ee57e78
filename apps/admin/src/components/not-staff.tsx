import { SignOutButton } from '@connecto/web-kit/components/sign-out-button'
import styles from './not-staff.module.css'

/** What a traveller sees after signing in to the admin app: a clear refusal and a way out. */
export function NotStaff({ email }: { email: string }) {
  return (
    <section className={styles.card} aria-labelledby="not-staff-heading">
      <div className={styles.icon} aria-hidden="true">
        <svg
          width="26"
          height="26"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <rect x="4" y="10" width="16" height="11" rx="3" />
          <path d="M8 10V7a4 4 0 0 1 8 0v3" strokeLinecap="round" />
        </svg>
      </div>
      <h1 id="not-staff-heading" className={styles.heading}>
        This area is for hosts and admins
      </h1>
      <p className={styles.message} data-testid="refusal">
        Connecto Admin is for hosts and admins. Your account ({email}) is a traveller account.
      </p>
      <p className={styles.note}>Use the Connecto app to chat with your travel groups.</p>
      <SignOutButton variant="primary" />
    </section>
  )
}
