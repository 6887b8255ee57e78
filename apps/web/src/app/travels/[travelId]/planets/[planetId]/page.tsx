import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { ChatRoom } from '@/components/chat/chat-room'
import { requireSession } from '@/lib/require-session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meta'))('chat') }
}

type Params = Promise<{ travelId: string; planetId: string }>

export default async function ChatPage({ params }: { params: Params }) {
  const { travelId, planetId } = await params
  const session = await requireSession(`/travels/${travelId}/planets/${planetId}`)
  return (
    <ChatRoom
      key={planetId}
      travelId={travelId}
      planetId={planetId}
      viewer={{ id: session.user.id, nickname: session.user.nickname }}
    />
  )
}
