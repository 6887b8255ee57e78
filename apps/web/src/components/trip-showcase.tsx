import { Showcase, showcaseStyles as styles } from '@connecto/web-kit/components/showcase'

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
    <Showcase
      eyebrow="Connecto for travellers"
      title="Every trip, one conversation."
      body="Plans, announcements and the group chat for your travel, live on every phone in the group."
      panelTitle="Jeju Spring Escape · 24 travellers"
    >
      {MESSAGES.map((message) => (
        <div key={message.text} className={message.mine ? styles.bubbleMine : styles.bubble}>
          <span className={styles.who}>{message.who}</span>
          {message.text}
        </div>
      ))}
    </Showcase>
  )
}
