'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'

/** Anything a page throws lands here instead of a blank screen. */
export default function PageFailed({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations()
  return (
    <div className="page page-narrow">
      <section className="card error-card" role="alert">
        <h1>{t('errorPage.title')}</h1>
        <p>{t('errorPage.body')}</p>
        <div className="profile-actions">
          <button type="button" className="button button-primary" onClick={reset}>
            {t('common.tryAgain')}
          </button>
          <Link className="button button-secondary" href="/">
            {t('common.backToTravels')}
          </Link>
        </div>
      </section>
    </div>
  )
}
