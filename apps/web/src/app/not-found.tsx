import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export default async function NotFound() {
  const t = await getTranslations()
  return (
    <div className="page page-narrow">
      <section className="card error-card">
        <h1>{t('errorPage.notFoundTitle')}</h1>
        <p>{t('errorPage.notFoundBody')}</p>
        <Link className="button button-secondary" href="/">
          {t('common.backToTravels')}
        </Link>
      </section>
    </div>
  )
}
