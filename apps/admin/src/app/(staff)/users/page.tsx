import Link from 'next/link'
import { userState, when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { StaffTable } from '@/components/staff-table'
import { load, staffApi } from '@/lib/staff-api'

type Search = { q?: string; role?: string; state?: string }

const ROLES = ['ADMIN', 'HOST', 'USER'] as const
const STATES = ['active', 'banned', 'suspended'] as const
const pick = <T extends string>(allowed: readonly T[], value: string | undefined) =>
  allowed.find((v) => v === value)

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams
  const { api, isAdmin } = await staffApi()
  if (!isAdmin)
    return <Refusal title="Users are for admins" message="Only platform admins manage user accounts." />
  const result = await load(
    api.admin.searchUsers.query({
      query: params.q || undefined,
      role: pick(ROLES, params.role),
      state: pick(STATES, params.state),
    }),
  )
  return (
    <div className="stack">
      <h1>Users</h1>
      <search>
        <form className="toolbar">
          <input
            name="q"
            defaultValue={params.q}
            placeholder="Email, nickname or id"
            aria-label="Search users"
          />
          <select name="role" defaultValue={params.role ?? ''} aria-label="Platform role">
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <select name="state" defaultValue={params.state ?? ''} aria-label="Account state">
            <option value="">Any state</option>
            {STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <button type="submit" className="button button-secondary button-small">
            Search
          </button>
        </form>
      </search>
      {!result.ok ? (
        <Refusal title="Users could not be listed" message={result.message} code={result.code} />
      ) : (
        <div className="table-wrap panel">
          <StaffTable head={['User', 'Role', 'State', 'Last seen', 'Joined']} testId="users-table">
            {result.data.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/users/${u.id}`}>{u.nickname ?? u.email}</Link>
                  <div className="muted small">{u.email}</div>
                </td>
                <td>{u.role}</td>
                <td>{userState(u)}</td>
                <td>{when(u.lastSeenAt)}</td>
                <td>{when(u.createdAt)}</td>
              </tr>
            ))}
          </StaffTable>
          {result.data.length === 0 ? <p className="muted">No users match.</p> : null}
        </div>
      )}
    </div>
  )
}
