import { AuthShell } from '@connecto/web-kit/components/auth-shell'
import { SignInForm } from '@connecto/web-kit/components/sign-in-form'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { SocialSignIn } from '@/components/social-sign-in'
import { TripShowcase } from '@/components/trip-showcase'
import { serverEnv } from '@/env'
import { readSession } from '@/lib/auth'
import { safeNext } from '@/lib/safe-next'
import { signInFormLabels } from '@/lib/sign-in-labels'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('signIn') }
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNext((await searchParams).next)
  const session = await readSession()
  if (session && !session.error) redirect(next)
  const t = await getTranslations('auth')
  return (
    <AuthShell heading={t('welcomeBack')} lead={t('signInLead')} showcase={<TripShowcase />}>
      <SignInForm demoHint={serverEnv.demoHint} redirectTo={next} labels={signInFormLabels(t)} />
      <SocialSignIn redirectTo={next} />
      <p className="auth-switch">
        {t('newHere')}{' '}
        <Link href={`/signup${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>
          {t('createAccountLink')}
        </Link>
      </p>
    </AuthShell>
  )
}
