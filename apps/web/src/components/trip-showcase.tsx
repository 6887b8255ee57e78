import styles from './showcase.module.css'

const MESSAGES = [
  {
    who: 'Jae · Host',
    text: 'Bus leaves the hotel lobby at 8:30. Bring a jacket for the ridge walk!',
    mine: false,
  },
  { who: 'Mina', text: 'Can someone save me a window seat?', mine: true },
  { who: 'Leo', text: 'Done, row 3. See you downstairs.', mine: false },
]

export function TripShowcase() {
  return (
    <>
      <div>
        <p className={styles.eyebrow}>Connecto for travellers</p>
        <h2 className={styles.title}>Every trip, one conversation.</h2>
        <p className={styles.body}>
          Plans, announcements and the group chat for your travel, live on every phone in the group.
        </p>
      </div>
      <div className={styles.chat}>
        <div className={styles.chatHeader}>
          <span className={styles.chatDot} />
          Jeju Spring Escape · 24 travellers
        </div>
        {MESSAGES.map((message) => (
          <div key={message.text} className={message.mine ? styles.bubbleMine : styles.bubble}>
            <span className={styles.who}>{message.who}</span>
            {message.text}
          </div>
        ))}
      </div>
    </>
  )
}
