import { AuthShell } from '@connecto/web-kit/components/auth-shell'
import { SignInForm } from '@connecto/web-kit/components/sign-in-form'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { HostShowcase } from '@/components/host-showcase'
import { serverEnv } from '@/env'
import { readSession } from '@/lib/auth'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage() {
  const session = await readSession()
  if (session && !session.error) redirect('/')
  return (
    <AuthShell
      heading="Connecto Admin"
      lead="Sign in with your host or admin account."
      showcase={<HostShowcase />}
    >
      <SignInForm demoHint={serverEnv.demoHint} />
    </AuthShell>
  )
}
