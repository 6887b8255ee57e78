import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { TravelView } from '@/components/travel-view'
import { requireSession } from '@/lib/require-session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('travel') }
}

export default async function TravelPage({ params }: { params: Promise<{ travelId: string }> }) {
  const { travelId } = await params
  const session = await requireSession(`/travels/${travelId}`)
  return <TravelView travelId={travelId} viewerId={session.user.id} />
}
