import Link from 'next/link'
import {
  banFromTravelAction,
  freezeTravelAction,
  regenerateInviteAction,
  removeMemberAction,
  setTravelRoleAction,
  unbanFromTravelAction,
} from '@/actions/travel-actions'
import { ActionForm } from '@/components/action-form'
import { when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { StaffTable } from '@/components/staff-table'
import { load, staffApi } from '@/lib/staff-api'

const STAFF_ROLES = new Set(['HOST', 'MODERATOR'])

export default async function TravelPage({ params }: { params: Promise<{ travelId: string }> }) {
  const { travelId } = await params
  const { api, user, isAdmin } = await staffApi()
  const travel = await load(api.travels.get.query({ travelId }))
  if (!travel.ok) {
    return (
      <Refusal
        title="You cannot open this travel"
        message={`You can only manage the travels you host or moderate. ${travel.message}`}
        code={travel.code}
      />
    )
  }
  const t = travel.data
  // Being a member is not enough here: the admin app is for the people who run the travel.
  if (!isAdmin && !STAFF_ROLES.has(t.myRole ?? '')) {
    return (
      <Refusal
        title="You cannot open this travel"
        message="Only this travel's host and moderators (or a platform admin) can manage it."
      />
    )
  }
  const [members, planets] = await Promise.all([
    load(api.travels.members.query({ travelId, includeInactive: true })),
    load(api.planets.list.query({ travelId })),
  ])
  const isHost = t.myRole === 'HOST'
  const travelField = <input type="hidden" name="travelId" value={travelId} />
  return (
    <div className="stack">
      <section className="panel">
        <p className="muted small">
          <Link href="/travels">Travels</Link> /
        </p>
        <h1 data-testid="travel-name">{t.name}</h1>
        <p className="muted">
          {t.status}
          {t.isFrozen ? ' · frozen' : ''} · {when(t.startDate)} – {when(t.endDate)} · {t.memberCount} members
          · {t.visibility}
        </p>
        {t.inviteCode ? (
          <p>
            Invite code: <code data-testid="invite-code">{t.inviteCode}</code>
          </p>
        ) : null}
        <div className="action-grid">
          <ActionForm
            action={regenerateInviteAction}
            submitLabel="Regenerate invite code"
            destructive
            confirm="Issue a new invite code? The current one stops working."
          >
            {travelField}
          </ActionForm>
          {isAdmin ? (
            <ActionForm
              action={freezeTravelAction}
              submitLabel={t.isFrozen ? 'Unfreeze travel' : 'Freeze travel'}
              destructive={!t.isFrozen}
              confirm={
                t.isFrozen
                  ? 'Unfreeze this travel?'
                  : 'Freeze this travel? Nobody can post until it is unfrozen.'
              }
            >
              {travelField}
              <input type="hidden" name="frozen" value={String(t.isFrozen)} />
            </ActionForm>
          ) : null}
        </div>
      </section>

      <section className="panel">
        <h2>Planets</h2>
        {!planets.ok ? (
          <p className="result result-refused">{planets.message}</p>
        ) : (
          <ul className="plain-list">
            {planets.data.map((p) => (
              <li key={p.id}>
                <Link href={`/travels/${travelId}/planets/${p.id}`}>{p.name}</Link>{' '}
                <span className="muted small">
                  {p.type} · {p.status} · {p.memberCount} members · chat hours{' '}
                  {p.timeRestrictionType.toLowerCase()}
                  {p.chatHours.open ? '' : ' · closed now'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel">
        <h2>Members</h2>
        {!members.ok ? (
          <p className="result result-refused">{members.message}</p>
        ) : (
          <div className="table-wrap">
            <StaffTable head={['Member', 'Role', 'Status', 'Actions']} testId="members-table">
              {members.data.map((m) => {
                const fields = (
                  <>
                    {travelField}
                    <input type="hidden" name="userId" value={m.userId} />
                  </>
                )
                const name = m.nickname ?? m.userId
                const actionable = m.role !== 'HOST' && m.userId !== user.id
                return (
                  <tr key={m.userId} data-testid="member-row" data-user-id={m.userId} data-nickname={name}>
                    <td>
                      {isAdmin ? <Link href={`/users/${m.userId}`}>{name}</Link> : name}
                      <div className="muted small">
                        joined {when(m.joinedAt)}
                        {m.online ? ' · online' : ''}
                      </div>
                    </td>
                    <td data-testid="member-role">{m.role}</td>
                    <td data-testid="member-status">{m.status}</td>
                    <td>
                      {!actionable ? (
                        <span className="muted small">—</span>
                      ) : m.status === 'BANNED' ? (
                        <ActionForm
                          action={unbanFromTravelAction}
                          submitLabel="Unban"
                          confirm={`Lift ${name}'s ban?`}
                        >
                          {fields}
                        </ActionForm>
                      ) : m.status === 'ACTIVE' ? (
                        <div className="action-row">
                          {isHost || isAdmin ? (
                            <ActionForm
                              action={setTravelRoleAction}
                              submitLabel={m.role === 'MODERATOR' ? 'Demote' : 'Promote'}
                            >
                              {fields}
                              <input
                                type="hidden"
                                name="role"
                                value={m.role === 'MODERATOR' ? 'PARTICIPANT' : 'MODERATOR'}
                              />
                            </ActionForm>
                          ) : null}
                          <ActionForm
                            action={banFromTravelAction}
                            submitLabel="Ban"
                            destructive
                            confirm={`Ban ${name} from ${t.name}? They lose access at once.`}
                          >
                            {fields}
                            <input
                              name="reason"
                              required
                              placeholder="Reason"
                              aria-label={`Ban reason for ${name}`}
                              maxLength={500}
                            />
                            <select
                              name="durationHours"
                              aria-label={`Ban duration for ${name}`}
                              defaultValue=""
                            >
                              <option value="">Until lifted</option>
                              <option value="24">24 hours</option>
                              <option value="168">7 days</option>
                            </select>
                          </ActionForm>
                          <ActionForm
                            action={removeMemberAction}
                            submitLabel="Remove"
                            destructive
                            confirm={`Remove ${name} from ${t.name}?`}
                          >
                            {fields}
                          </ActionForm>
                        </div>
                      ) : (
                        <span className="muted small">—</span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </StaffTable>
          </div>
        )}
      </section>
    </div>
  )
}
