import type { Metadata } from 'next'
import { ProfileView } from '@/components/profile-view'
import { requireSession } from '@/lib/require-session'

export const metadata: Metadata = { title: 'Profile' }

export default async function ProfilePage() {
  await requireSession('/profile')
  return <ProfileView />
}
