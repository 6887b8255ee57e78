import { AuthShell } from '@connecto/web-kit/components/auth-shell'
import { SignInForm } from '@connecto/web-kit/components/sign-in-form'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { TripShowcase } from '@/components/trip-showcase'
import { serverEnv } from '@/env'
import { readSession } from '@/lib/auth'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage() {
  const session = await readSession()
  if (session && !session.error) redirect('/')
  return (
    <AuthShell
      heading="Welcome back"
      lead="Sign in to pick up your group's conversation."
      showcase={<TripShowcase />}
    >
      <SignInForm demoHint={serverEnv.demoHint} />
    </AuthShell>
  )
}
