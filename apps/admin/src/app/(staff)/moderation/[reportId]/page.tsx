import Link from 'next/link'
import { deleteUserMessagesAction } from '@/actions/planet-actions'
import { platformBanReportAction, resolveReportAction } from '@/actions/report-actions'
import { ActionForm } from '@/components/action-form'
import { when } from '@/components/format'
import { Refusal } from '@/components/refusal'
import { load, staffApi } from '@/lib/staff-api'

const ACTIONS = [
  { value: 'DISMISS', label: 'Dismiss the report', needs: null },
  { value: 'DELETE_MESSAGE', label: 'Delete the message', needs: 'MESSAGE' },
  { value: 'MUTE', label: 'Mute the sender for 24 h', needs: 'MESSAGE' },
  { value: 'TRAVEL_BAN', label: 'Ban the user from the travel', needs: 'USER_OR_MESSAGE' },
] as const

export default async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params
  const { api, isAdmin } = await staffApi()
  const result = await load(api.admin.reportContext.query({ reportId, radius: 5 }))
  if (!result.ok)
    return <Refusal title="You cannot open this report" message={result.message} code={result.code} />
  const { report, reportedUser, messages } = result.data
  const actions = ACTIONS.filter(
    (a) =>
      a.needs === null ||
      (a.needs === 'MESSAGE' && report.targetType === 'MESSAGE') ||
      (a.needs === 'USER_OR_MESSAGE' && report.targetType !== 'PLANET'),
  )
  return (
    <div className="stack">
      <section className="panel">
        <p className="muted small">
          <Link href="/moderation">Moderation</Link> /
        </p>
        <h1>Report on a {report.targetType.toLowerCase()}</h1>
        <p>
          <strong>Reason:</strong> {report.reason}
        </p>
        <p className="muted">
          By {report.reporter.nickname} · {when(report.createdAt)}
          {report.travel ? (
            <>
              {' '}
              · in <Link href={`/travels/${report.travel.id}`}>{report.travel.name}</Link>
            </>
          ) : null}
          {report.planet ? ` / ${report.planet.name}` : ''}
          {reportedUser ? ` · reported user: ${reportedUser.nickname}` : ''}
        </p>
        <p data-testid="report-status">
          Status: {report.status}
          {report.actionTaken ? ` (${report.actionTaken})` : ''}
          {report.resolution ? ` — ${report.resolution}` : ''}
        </p>
      </section>

      <section className="panel">
        <h2>In context</h2>
        {messages.length === 0 ? <p className="muted">No messages to show.</p> : null}
        <ol className="context" data-testid="report-context">
          {messages.map((m) => (
            <li
              key={m.id}
              className={m.isReported ? 'context-message reported' : 'context-message'}
              data-reported={m.isReported}
            >
              <span className="context-meta">
                {m.senderNickname ?? 'System'} · {when(m.createdAt)}
              </span>
              <span>{m.deleted ? <em>Message deleted</em> : (m.content ?? `[${m.type}]`)}</span>
            </li>
          ))}
        </ol>
      </section>

      {report.status === 'OPEN' ? (
        <section className="panel">
          <h2>Resolve</h2>
          <ActionForm
            action={resolveReportAction}
            submitLabel="Resolve report"
            destructive
            confirm="Apply this action and close the report?"
          >
            <input type="hidden" name="reportId" value={report.id} />
            <fieldset className="choices">
              <legend>Action</legend>
              {actions.map((a, i) => (
                <label key={a.value} className="radio">
                  <input type="radio" name="action" value={a.value} defaultChecked={i === 0} required />
                  {a.label}
                </label>
              ))}
            </fieldset>
            <input
              name="note"
              placeholder="Note for the audit log (optional)"
              aria-label="Note"
              maxLength={1000}
              className="wide"
            />
          </ActionForm>
          {isAdmin && reportedUser ? (
            <ActionForm
              action={platformBanReportAction}
              submitLabel="Ban from the platform and resolve"
              destructive
              confirm={`Ban ${reportedUser.nickname} from all of Connecto and close this report?`}
            >
              <input type="hidden" name="reportId" value={report.id} />
              <input
                name="reason"
                placeholder={`Reason (default: ${report.reason})`}
                aria-label="Platform ban reason"
                maxLength={500}
              />
              <select name="durationHours" aria-label="Platform ban duration" defaultValue="">
                <option value="">Until lifted</option>
                <option value="24">24 hours</option>
                <option value="168">7 days</option>
                <option value="720">30 days</option>
              </select>
            </ActionForm>
          ) : null}
          {reportedUser && report.planet ? (
            <ActionForm
              action={deleteUserMessagesAction}
              submitLabel={`Delete all of ${reportedUser.nickname}'s messages in ${report.planet.name}`}
              destructive
              confirm="Delete every message this user sent in this planet?"
            >
              <input type="hidden" name="planetId" value={report.planet.id} />
              <input type="hidden" name="userId" value={reportedUser.id} />
            </ActionForm>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
