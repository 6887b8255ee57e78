import type { Metadata } from 'next'
import { TravelView } from '@/components/travel-view'
import { requireSession } from '@/lib/require-session'

export const metadata: Metadata = { title: 'Travel' }

export default async function TravelPage({ params }: { params: Promise<{ travelId: string }> }) {
  const { travelId } = await params
  const session = await requireSession(`/travels/${travelId}`)
  return <TravelView travelId={travelId} viewerId={session.user.id} />
}
