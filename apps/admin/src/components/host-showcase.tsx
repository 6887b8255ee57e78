import styles from './showcase.module.css'

const ACTIVITY = [
  { label: 'Announcement', text: 'Ferry moved to 10:15 — sent to all 24 travellers', tone: '#a5b4fc' },
  { label: 'Moderation', text: '2 reports waiting for review in Jeju Spring Escape', tone: '#fcd34d' },
  { label: 'Chat hours', text: 'Quiet time 23:00–07:00 on the main group', tone: '#86efac' },
]

export function HostShowcase() {
  return (
    <>
      <div>
        <p className={styles.eyebrow}>Connecto for hosts</p>
        <h2 className={styles.title}>Keep every group on the same page.</h2>
        <p className={styles.body}>
          Members, announcements and moderation for the travels you run, in one place.
        </p>
      </div>
      <div className={styles.chat}>
        <div className={styles.chatHeader}>
          <span className={styles.chatDot} />
          Today across your travels
        </div>
        {ACTIVITY.map((item) => (
          <div key={item.label} className={styles.activity}>
            <span className={styles.activityDot} style={{ background: item.tone }} />
            <span>
              <span className={styles.who}>{item.label}</span>
              <br />
              {item.text}
            </span>
          </div>
        ))}
      </div>
    </>
  )
}
