import { Showcase, showcaseStyles as styles } from '@connecto/web-kit/components/showcase'
import { useTranslations } from 'next-intl'

export function TripShowcase() {
  const t = useTranslations('showcase')
  const messages = [
    { who: t('whoHost'), text: t('message1'), mine: false },
    { who: 'Mina', text: t('message2'), mine: true },
    { who: 'Leo', text: t('message3'), mine: false },
  ]
  return (
    <Showcase eyebrow={t('eyebrow')} title={t('title')} body={t('body')} panelTitle={t('panelTitle')}>
      {messages.map((message) => (
        <div key={message.text} className={message.mine ? styles.bubbleMine : styles.bubble}>
          <span className={styles.who}>{message.who}</span>
          {message.text}
        </div>
      ))}
    </Showcase>
  )
}
