import type { ReactNode } from 'react'
import styles from './auth-shell.module.css'

type AuthShellProps = { heading: string; lead: string; showcase: ReactNode; children: ReactNode }

/** Two-panel sign-in layout: product showcase beside the form on desktop, the form alone on phones. */
export function AuthShell({ heading, lead, showcase, children }: AuthShellProps) {
  return (
    <div className={styles.shell}>
      <section className={styles.showcase} aria-hidden="true">
        {showcase}
      </section>
      <section className={styles.panel}>
        <div className={styles.panelInner}>
          <h1 className={styles.heading}>{heading}</h1>
          <p className={styles.lead}>{lead}</p>
          {children}
        </div>
      </section>
    </div>
  )
}
