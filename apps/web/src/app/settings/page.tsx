import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { SettingsView } from '@/components/settings-view'
import { requireSession } from '@/lib/require-session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('settings') }
}

export default async function SettingsPage() {
  await requireSession('/settings')
  return <SettingsView />
}
