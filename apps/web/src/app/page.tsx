import { createApiClient, readApiRefusal } from '@connecto/web-kit/api'
import { AccountCard } from '@connecto/web-kit/components/account-card'
import { EmptyState } from '@connecto/web-kit/components/empty-state'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { SignOutButtonLocalized } from '@/components/sign-out'
import { type MyTravel, TravelActions, TravelList, TravelListError } from '@/components/travel-list'
import { serverEnv } from '@/env'
import { readSession } from '@/lib/auth'

type TravelsResult = { ok: true; travels: MyTravel[] } | { ok: false; message: string | null }

async function loadMyTravels(accessToken: string): Promise<TravelsResult> {
  try {
    const travels = await createApiClient({ apiUrl: serverEnv.apiUrl, accessToken }).travels.listMine.query()
    return { ok: true, travels }
  } catch (error) {
    return { ok: false, message: readApiRefusal(error)?.app.message ?? null }
  }
}

export default async function HomePage() {
  const session = await readSession()
  if (!session || session.error) redirect('/signin')
  const { user } = session
  const result = await loadMyTravels(session.accessToken)
  const t = await getTranslations('home')
  const tAuth = await getTranslations('auth')
  const tRoles = await getTranslations('roles')
  return (
    <div className="page">
      <AccountCard
        user={user}
        heading={t('welcome', { name: user.nickname })}
        whoami={tAuth.rich('signedInAs', {
          name: user.nickname,
          email: user.email,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
        roleLabel={tRoles(user.role)}
        signOut={<SignOutButtonLocalized />}
      />
      {!result.ok ? (
        <TravelListError message={result.message ?? t('unreachable')} />
      ) : result.travels.length === 0 ? (
        <>
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
          <TravelActions />
        </>
      ) : (
        <TravelList travels={result.travels} />
      )}
    </div>
  )
}
