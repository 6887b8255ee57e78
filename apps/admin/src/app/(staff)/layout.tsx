import type { ReactNode } from 'react'
import { NotStaff } from '@/components/not-staff'
import { StaffNav } from '@/components/staff-nav'
import { ToastProvider } from '@/components/toast'
import { readStaffSession } from '@/guards/staff-session'

// Session-dependent on every request: nothing under here may be prerendered or cached across users.
export const dynamic = 'force-dynamic'

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const result = await readStaffSession()
  if (result.kind === 'not-staff') return <NotStaff email={result.session.user.email} />
  return (
    <div className="staff">
      <StaffNav isAdmin={result.session.user.role === 'ADMIN'} />
      <ToastProvider>
        <div className="staff-page">{children}</div>
      </ToastProvider>
    </div>
  )
}
