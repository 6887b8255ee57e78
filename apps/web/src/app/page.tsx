import { createApiClient, readApiRefusal } from '@connecto/web-kit/api'
import { AccountCard } from '@connecto/web-kit/components/account-card'
import { EmptyState } from '@connecto/web-kit/components/empty-state'
import { redirect } from 'next/navigation'
import { type MyTravel, TravelActions, TravelList, TravelListError } from '@/components/travel-list'
import { serverEnv } from '@/env'
import { readSession } from '@/lib/auth'

const UNREACHABLE_MESSAGE = 'Connecto is not answering right now. Try again in a moment.'

type TravelsResult = { ok: true; travels: MyTravel[] } | { ok: false; message: string }

async function loadMyTravels(accessToken: string): Promise<TravelsResult> {
  try {
    const travels = await createApiClient({ apiUrl: serverEnv.apiUrl, accessToken }).travels.listMine.query()
    return { ok: true, travels }
  } catch (error) {
    return { ok: false, message: readApiRefusal(error)?.app.message ?? UNREACHABLE_MESSAGE }
  }
}

export default async function HomePage() {
  const session = await readSession()
  if (!session || session.error) redirect('/signin')
  const { user } = session
  const result = await loadMyTravels(session.accessToken)
  return (
    <div className="page">
      <AccountCard user={user} heading={`Welcome back, ${user.nickname}`} />
      {!result.ok ? (
        <TravelListError message={result.message} />
      ) : result.travels.length === 0 ? (
        <>
          <EmptyState title="No travels yet">
            When a host invites you to a trip, its group chat and announcements show up here.
          </EmptyState>
          <TravelActions />
        </>
      ) : (
        <TravelList travels={result.travels} />
      )}
    </div>
  )
}
