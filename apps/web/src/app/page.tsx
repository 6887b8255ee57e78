import { redirect } from 'next/navigation'
import { AccountCard } from '@/components/account-card'
import { EmptyState } from '@/components/empty-state'
import { readSession } from '@/lib/auth/session'

export default async function HomePage() {
  const session = await readSession()
  if (!session || session.error) redirect('/signin')
  const { user } = session
  return (
    <div className="page">
      <AccountCard user={user} heading={`Welcome back, ${user.nickname}`} />
      <EmptyState title="No travels yet">
        When a host invites you to a trip, its group chat and announcements show up here.
      </EmptyState>
    </div>
  )
}
