import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ProfileView } from '@/components/profile-view'
import { requireSession } from '@/lib/require-session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('profile') }
}

export default async function ProfilePage() {
  await requireSession('/profile')
  return <ProfileView />
}
