import { AuthShell } from '@connecto/web-kit/components/auth-shell'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { SignUpForm } from '@/components/sign-up-form'
import { TripShowcase } from '@/components/trip-showcase'
import { readSession } from '@/lib/auth'
import { safeNext } from '@/lib/safe-next'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('signUp') }
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNext((await searchParams).next)
  const session = await readSession()
  if (session && !session.error) redirect(next)
  const t = await getTranslations('auth')
  return (
    <AuthShell heading={t('joinConnecto')} lead={t('signUpLead')} showcase={<TripShowcase />}>
      <SignUpForm redirectTo={next} />
      <p className="auth-switch">
        {t('haveAccount')}{' '}
        <Link href={`/signin${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>
          {t('signInLink')}
        </Link>
      </p>
    </AuthShell>
  )
}
