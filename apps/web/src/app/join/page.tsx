import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { JoinForm } from '@/components/join-form'
import { requireSession } from '@/lib/require-session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('join') }
}

export default async function JoinPage() {
  await requireSession('/join')
  const t = await getTranslations('join')
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <JoinForm />
    </div>
  )
}
