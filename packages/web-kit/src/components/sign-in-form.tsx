'use client'

import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useActionState, useState } from 'react'
import styles from './sign-in-form.module.css'
import { useHydrated } from './use-hydrated'

type FormState = { email: string; error: string | null }

// next-auth's own codes mean something broke before our api could answer; anything else is the api's message.
const NEXT_AUTH_CODES = new Set(['CredentialsSignin', 'Configuration', 'Callback', 'Default', 'AccessDenied'])

function describeError(error: string | null | undefined) {
  if (!error || NEXT_AUTH_CODES.has(error)) return 'Sign-in failed. Try again in a moment.'
  return error
}

/** `redirectTo` is where a successful sign-in lands (a same-site path); home by default. */
export function SignInForm({ demoHint, redirectTo = '/' }: { demoHint?: string; redirectTo?: string }) {
  const router = useRouter()
  const hydrated = useHydrated()
  const [showPassword, setShowPassword] = useState(false)
  const [state, submit, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      const email = String(form.get('email') ?? '').trim()
      const password = String(form.get('password') ?? '')
      if (!email || !password) return { email, error: 'Enter your email and password.' }
      const result = await signIn('credentials', { email, password, redirect: false }).catch(() => undefined)
      if (!result?.ok || result.error) return { email, error: describeError(result?.error) }
      router.replace(redirectTo)
      return { email, error: null }
    },
    { email: '', error: null },
  )

  return (
    <form action={submit} className={styles.form} noValidate>
      <div className={styles.field}>
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          placeholder="you@example.com"
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? 'signin-error' : undefined}
          required
        />
      </div>
      <div className={styles.field}>
        <label htmlFor="password">Password</label>
        <div className={styles.passwordRow}>
          <input
            id="password"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            placeholder="Your password"
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? 'signin-error' : undefined}
            required
          />
          <button
            type="button"
            className={styles.reveal}
            onClick={() => setShowPassword((shown) => !shown)}
            aria-pressed={showPassword}
            aria-label={showPassword ? 'Hide password' : 'Show password'}
          >
            {showPassword ? 'Hide' : 'Show'}
          </button>
        </div>
      </div>

      <div id="signin-error" role="alert" className={styles.errorSlot} data-testid="signin-error">
        {state.error ? <p className={styles.error}>{state.error}</p> : null}
      </div>

      <button type="submit" className="button button-primary button-block" disabled={!hydrated || pending}>
        {pending ? <span className="spinner" aria-hidden="true" /> : null}
        {pending ? 'Signing in…' : 'Sign in'}
      </button>

      {demoHint ? (
        <aside className={styles.hint} aria-label="Demo accounts">
          <strong>Demo accounts</strong>
          <span>{demoHint}</span>
        </aside>
      ) : null}
    </form>
  )
}
