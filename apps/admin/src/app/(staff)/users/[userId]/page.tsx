import Link from 'next/link'
import {
  banUserAction,
  restoreUserAction,
  setPlatformRoleAction,
  suspendUserAction,
  unbanUserAction,
} from '@/actions/user-actions'
import { ActionForm } from '@/components/action-form'
import { userState, when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { load, staffApi } from '@/lib/staff-api'

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params
  const { api, isAdmin } = await staffApi()
  if (!isAdmin)
    return <Refusal title="Users are for admins" message="Only platform admins manage user accounts." />
  const result = await load(api.admin.getUser.query({ userId }))
  if (!result.ok)
    return <Refusal title="This user cannot be shown" message={result.message} code={result.code} />
  const u = result.data
  const hidden = <input type="hidden" name="userId" value={u.id} />
  return (
    <div className="stack">
      <section className="panel">
        <h1>{u.nickname ?? u.email}</h1>
        <p className="muted">
          {u.email} · {u.role} · <strong data-testid="user-state">{userState(u)}</strong> · joined{' '}
          {when(u.createdAt)} · last seen {when(u.lastSeenAt)}
        </p>
        {u.isBanned ? (
          <p className="result result-refused">
            Banned: {u.banReason} {u.bannedUntil ? `(until ${when(u.bannedUntil)})` : '(until lifted)'}
          </p>
        ) : null}
        {u.bio ? <p>{u.bio}</p> : null}
      </section>

      <section className="panel">
        <h2>Actions</h2>
        <div className="action-grid">
          {u.isBanned ? (
            <ActionForm
              action={unbanUserAction}
              submitLabel="Lift platform ban"
              confirm="Lift this platform ban?"
            >
              {hidden}
            </ActionForm>
          ) : (
            <ActionForm
              action={banUserAction}
              submitLabel="Ban from platform"
              destructive
              confirm={`Ban ${u.email} from Connecto?`}
            >
              {hidden}
              <input name="reason" required placeholder="Reason" aria-label="Ban reason" maxLength={500} />
              <select name="durationHours" aria-label="Ban duration" defaultValue="">
                <option value="">Until lifted</option>
                <option value="24">24 hours</option>
                <option value="168">7 days</option>
                <option value="720">30 days</option>
              </select>
            </ActionForm>
          )}
          <ActionForm
            action={setPlatformRoleAction}
            submitLabel="Change role"
            confirm="Change this user's platform role?"
          >
            {hidden}
            <select name="role" defaultValue={u.role} aria-label="Platform role">
              <option value="USER">USER (traveller)</option>
              <option value="HOST">HOST</option>
              <option value="ADMIN">ADMIN</option>
            </select>
          </ActionForm>
          {u.suspendedAt ? (
            <ActionForm action={restoreUserAction} submitLabel="Restore account">
              {hidden}
            </ActionForm>
          ) : (
            <ActionForm
              action={suspendUserAction}
              submitLabel="Suspend account"
              destructive
              confirm="Suspend this account? It is signed out everywhere."
            >
              {hidden}
              <input
                name="reason"
                required
                placeholder="Reason"
                aria-label="Suspension reason"
                maxLength={500}
              />
            </ActionForm>
          )}
        </div>
      </section>

      <section className="panel">
        <h2>Travels</h2>
        {u.travels.length === 0 ? <p className="muted">Not in any travel.</p> : null}
        <ul className="plain-list">
          {u.travels.map((t) => (
            <li key={t.travelId}>
              <Link href={`/travels/${t.travelId}`}>{t.name}</Link>{' '}
              <span className="muted">
                {t.role} · {t.status}
                {t.banReason ? ` · banned: ${t.banReason}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel">
        <h2>Recent activity</h2>
        <h3>Messages</h3>
        {u.recentMessages.length === 0 ? <p className="muted">No messages.</p> : null}
        <ul className="plain-list small">
          {u.recentMessages.map((m) => (
            <li key={m.id}>
              <span className="muted">
                {when(m.createdAt)} in {m.planetName}:
              </span>{' '}
              {m.deleted ? <em>Message deleted</em> : (m.content ?? `[${m.type}]`)}
            </li>
          ))}
        </ul>
        <h3>Moderation history</h3>
        {u.moderationHistory.length === 0 ? <p className="muted">Nothing on record.</p> : null}
        <ul className="plain-list small">
          {u.moderationHistory.map((a) => (
            <li key={a.id}>
              <span className="muted">{when(a.createdAt)}</span> {a.action}
            </li>
          ))}
        </ul>
        <h3>Actions taken by this user</h3>
        {u.actionsTaken.length === 0 ? <p className="muted">None.</p> : null}
        <ul className="plain-list small">
          {u.actionsTaken.map((a) => (
            <li key={a.id}>
              <span className="muted">{when(a.createdAt)}</span> {a.action} on {a.targetId}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
