'use client'

// A form for one staff action: destructive ones ask for confirmation first, and every one shows the
// api's answer (done, or refused with the reason) right where it was run.
import { type ReactNode, useActionState, useRef, useState } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { useToast } from './toast'

type ActionFormProps = {
  action: (previous: ActionResult, form: FormData) => Promise<ActionResult>
  submitLabel: string
  /** The question asked before a destructive action runs; without it the form submits at once. */
  confirm?: string
  destructive?: boolean
  children?: ReactNode
  className?: string
}

export function ActionForm({
  action,
  submitLabel,
  confirm,
  destructive,
  children,
  className,
}: ActionFormProps) {
  const toast = useToast()
  // The toast is set from inside the action, in the same transition as the re-rendered page: the form
  // itself may be gone by then (a ban turns the row's "Ban" form into "Unban").
  const [result, run, pending] = useActionState(async (previous: ActionResult, data: FormData) => {
    const next = await action(previous, data)
    if (next) toast(next)
    return next
  }, null)
  const [asking, setAsking] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const confirmed = useRef(false)
  const buttonClass = `button ${destructive ? 'button-danger' : 'button-secondary'} button-small`

  return (
    <form
      ref={form}
      action={run}
      className={`action-form ${className ?? ''}`}
      onSubmit={(event) => {
        if (!confirm || confirmed.current) {
          confirmed.current = false
          return
        }
        event.preventDefault()
        if (form.current?.reportValidity()) setAsking(true)
      }}
    >
      {children}
      {asking ? (
        <div className="confirm" role="alertdialog" aria-label="Confirm">
          <span>{confirm}</span>
          <button
            type="button"
            className="button button-danger button-small"
            onClick={() => {
              setAsking(false)
              confirmed.current = true
              form.current?.requestSubmit()
            }}
          >
            Confirm
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setAsking(false)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Working…' : submitLabel}
        </button>
      )}
      {result && !pending ? (
        <p
          className={result.ok ? 'result result-ok' : 'result result-refused'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="action-result"
        >
          {result.message}
        </p>
      ) : null}
    </form>
  )
}
