import type { Metadata } from 'next'
import { SettingsView } from '@/components/settings-view'
import { requireSession } from '@/lib/require-session'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  await requireSession('/settings')
  return <SettingsView />
}
