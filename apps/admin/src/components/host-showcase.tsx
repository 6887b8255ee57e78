import { Showcase, showcaseStyles } from '@connecto/web-kit/components/showcase'
import styles from './host-showcase.module.css'

const ACTIVITY = [
  { label: 'Announcement', text: 'Ferry moved to 10:15 — sent to all 24 travellers', tone: '#a5b4fc' },
  { label: 'Moderation', text: '2 reports waiting for review in Jeju Spring Escape', tone: '#fcd34d' },
  { label: 'Chat hours', text: 'Quiet time 23:00–07:00 on the main group', tone: '#86efac' },
]

export function HostShowcase() {
  return (
    <Showcase
      eyebrow="Connecto for hosts"
      title="Keep every group on the same page."
      body="Members, announcements and moderation for the travels you run, in one place."
      panelTitle="Today across your travels"
    >
      {ACTIVITY.map((item) => (
        <div key={item.label} className={styles.activity}>
          <span className={styles.activityDot} style={{ background: item.tone }} />
          <span>
            <span className={showcaseStyles.who}>{item.label}</span>
            <br />
            {item.text}
          </span>
        </div>
      ))}
    </Showcase>
  )
}
