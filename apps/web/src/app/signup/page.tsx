import { AuthShell } from '@connecto/web-kit/components/auth-shell'
import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SignUpForm } from '@/components/sign-up-form'
import { TripShowcase } from '@/components/trip-showcase'
import { readSession } from '@/lib/auth'
import { safeNext } from '@/lib/safe-next'

export const metadata: Metadata = { title: 'Create an account' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const next = safeNext((await searchParams).next)
  const session = await readSession()
  if (session && !session.error) redirect(next)
  return (
    <AuthShell
      heading="Join Connecto"
      lead="One account for every trip you take."
      showcase={<TripShowcase />}
    >
      <SignUpForm redirectTo={next} />
      <p className="auth-switch">
        Already have an account?{' '}
        <Link href={`/signin${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>Sign in</Link>
      </p>
    </AuthShell>
  )
}
