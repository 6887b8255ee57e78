import { AccountCard } from '@connecto/web-kit/components/account-card'
import { EmptyState } from '@connecto/web-kit/components/empty-state'
import { NotStaff } from '@/components/not-staff'
import { readStaffSession } from '@/guards/staff-session'

export default async function DashboardPage() {
  const result = await readStaffSession()
  const { user } = result.session
  if (result.kind === 'not-staff') return <NotStaff email={user.email} />
  return (
    <div className="page">
      <AccountCard user={user} heading="Dashboard" />
      <EmptyState title="Nothing needs your attention">
        Reports, join requests and announcements for the travels you run will collect here.
      </EmptyState>
    </div>
  )
}
