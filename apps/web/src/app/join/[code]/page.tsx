import type { Metadata } from 'next'
import { JoinForm } from '@/components/join-form'
import { requireSession } from '@/lib/require-session'

export const metadata: Metadata = { title: 'Join a travel' }

export default async function JoinByLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  await requireSession(`/join/${encodeURIComponent(code)}`)
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>You are invited</h1>
        <p className="lead">Join the travel to see its planets and chat with the group.</p>
      </header>
      <JoinForm initialCode={code} />
    </div>
  )
}
