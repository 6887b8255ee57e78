import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { NewTravelForm } from '@/components/new-travel-form'
import { requireSession } from '@/lib/require-session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('newTravel') }
}

export default async function NewTravelPage() {
  await requireSession('/travels/new')
  const t = await getTranslations('newTravel')
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <NewTravelForm />
    </div>
  )
}
