import type { ReactNode } from 'react'
import styles from './showcase.module.css'

/** Class names for what an app puts in the showcase's panel (chat bubbles, the `who` line). */
export const showcaseStyles = styles

type ShowcaseProps = { eyebrow: string; title: string; body: string; panelTitle: string; children: ReactNode }

/** The sign-in page's product pitch: a headline beside a live-looking panel of the app's own items. */
export function Showcase({ eyebrow, title, body, panelTitle, children }: ShowcaseProps) {
  return (
    <>
      <div>
        <p className={styles.eyebrow}>{eyebrow}</p>
        <h2 className={styles.title}>{title}</h2>
        <p className={styles.body}>{body}</p>
      </div>
      <div className={styles.chat}>
        <div className={styles.chatHeader}>
          <span className={styles.chatDot} />
          {panelTitle}
        </div>
        {children}
      </div>
    </>
  )
}
