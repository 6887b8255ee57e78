import Link from 'next/link'
import {
  archivePlanetAction,
  deleteUserMessagesAction,
  updateChatHoursAction,
} from '@/actions/planet-actions'
import { ActionForm } from '@/components/action-form'
import { when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { WeekEditor } from '@/components/week-editor'
import { load, staffApi } from '@/lib/staff-api'

type Params = { travelId: string; planetId: string }

export default async function PlanetPage({ params }: { params: Promise<Params> }) {
  const { travelId, planetId } = await params
  const { api, isAdmin } = await staffApi()
  const travel = await load(api.travels.get.query({ travelId }))
  if (!travel.ok)
    return (
      <Refusal
        title="You cannot open this planet"
        message={`You can only manage the travels you host or moderate. ${travel.message}`}
        code={travel.code}
      />
    )
  if (!isAdmin && travel.data.myRole !== 'HOST' && travel.data.myRole !== 'MODERATOR') {
    return (
      <Refusal
        title="You cannot open this planet"
        message="Only this travel's host and moderators (or a platform admin) can manage it."
      />
    )
  }
  const [planets, planetMembers, travelMembers] = await Promise.all([
    load(api.planets.list.query({ travelId })),
    load(api.planets.members.query({ planetId })),
    load(api.travels.members.query({ travelId, includeInactive: true })),
  ])
  const planet = planets.ok ? planets.data.find((p) => p.id === planetId) : undefined
  if (!planet) return <Refusal title="Planet not found" message="This planet is not part of this travel." />
  const planetField = <input type="hidden" name="planetId" value={planetId} />
  return (
    <div className="stack">
      <section className="panel">
        <p className="muted small">
          <Link href="/travels">Travels</Link> / <Link href={`/travels/${travelId}`}>{travel.data.name}</Link>{' '}
          /
        </p>
        <h1>{planet.name}</h1>
        <p className="muted">
          {planet.type} · {planet.status} · {planet.memberCount} members · time zone {planet.timeZone} ·{' '}
          {planet.chatHours.open
            ? 'open now'
            : `closed now${planet.chatHours.nextOpenAt ? `, opens ${when(planet.chatHours.nextOpenAt)}` : ''}`}
        </p>
      </section>

      <section className="panel">
        <h2>Settings</h2>
        {planet.type === 'ANNOUNCEMENT' ? (
          <p className="muted small">Announcement planets are always open; only hosts and moderators post.</p>
        ) : null}
        <ActionForm action={updateChatHoursAction} submitLabel="Save settings" className="settings-form">
          {planetField}
          <label className="field">
            Name <input name="name" defaultValue={planet.name} maxLength={100} />
          </label>
          <label className="field">
            Time zone <input name="timeZone" defaultValue={planet.timeZone} placeholder="Asia/Seoul" />
          </label>
          {planet.type !== 'ANNOUNCEMENT' ? (
            <WeekEditor type={planet.timeRestrictionType} restriction={planet.timeRestriction} />
          ) : null}
        </ActionForm>
        {planet.status === 'ACTIVE' ? (
          <ActionForm
            action={archivePlanetAction}
            submitLabel="Archive planet"
            destructive
            confirm={`Archive ${planet.name}? Members keep the history but can no longer post.`}
          >
            {planetField}
          </ActionForm>
        ) : null}
      </section>

      <section className="panel">
        <h2>Remove a member's messages</h2>
        <p className="muted small">
          Deletes every message the member sent in this planet; open chats drop them at once.
        </p>
        {travelMembers.ok ? (
          <ActionForm
            action={deleteUserMessagesAction}
            submitLabel="Delete their messages"
            destructive
            confirm="Delete all of this member's messages in this planet?"
          >
            {planetField}
            <select name="userId" required aria-label="Member" defaultValue="">
              <option value="" disabled>
                Choose a member
              </option>
              {travelMembers.data
                .filter((m) => m.role !== 'HOST')
                .map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.nickname ?? m.userId} ({m.status.toLowerCase()})
                  </option>
                ))}
            </select>
          </ActionForm>
        ) : (
          <p className="result result-refused">{travelMembers.message}</p>
        )}
      </section>

      <section className="panel">
        <h2>Members</h2>
        {!planetMembers.ok ? (
          <p className="result result-refused">{planetMembers.message}</p>
        ) : (
          <ul className="plain-list">
            {planetMembers.data.map((m) => (
              <li key={m.userId}>
                {m.nickname ?? m.userId} <span className="muted small">{m.role}</span>
                {m.mutedUntil && new Date(m.mutedUntil) > new Date() ? (
                  <span className="muted small"> · muted until {when(m.mutedUntil)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
