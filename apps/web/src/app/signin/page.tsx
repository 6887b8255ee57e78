import { AuthShell } from '@connecto/web-kit/components/auth-shell'
import { SignInForm } from '@connecto/web-kit/components/sign-in-form'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SocialSignIn } from '@/components/social-sign-in'
import { TripShowcase } from '@/components/trip-showcase'
import { serverEnv } from '@/env'
import { readSession } from '@/lib/auth'
import { safeNext } from '@/lib/safe-next'

export const metadata: Metadata = { title: 'Sign in' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNext((await searchParams).next)
  const session = await readSession()
  if (session && !session.error) redirect(next)
  return (
    <AuthShell
      heading="Welcome back"
      lead="Sign in to pick up your group's conversation."
      showcase={<TripShowcase />}
    >
      <SignInForm demoHint={serverEnv.demoHint} redirectTo={next} />
      <SocialSignIn />
      <p className="auth-switch">
        New to Connecto?{' '}
        <Link href={`/signup${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>
          Create an account
        </Link>
      </p>
    </AuthShell>
  )
}
