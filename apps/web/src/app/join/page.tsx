import type { Metadata } from 'next'
import { JoinForm } from '@/components/join-form'
import { requireSession } from '@/lib/require-session'

export const metadata: Metadata = { title: 'Join a travel' }

export default async function JoinPage() {
  await requireSession('/join')
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>Join a travel</h1>
        <p className="lead">Enter the 8-character code your host shared.</p>
      </header>
      <JoinForm />
    </div>
  )
}
