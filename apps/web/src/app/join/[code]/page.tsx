import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { JoinForm } from '@/components/join-form'
import { requireSession } from '@/lib/require-session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('join') }
}

export default async function JoinByLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  await requireSession(`/join/${encodeURIComponent(code)}`)
  const t = await getTranslations('join')
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>{t('invitedTitle')}</h1>
        <p className="lead">{t('invitedLead')}</p>
      </header>
      <JoinForm initialCode={code} />
    </div>
  )
}
