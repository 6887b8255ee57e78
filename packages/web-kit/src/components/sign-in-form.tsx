'use client'

import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useActionState, useState } from 'react'
import styles from './sign-in-form.module.css'
import { useHydrated } from './use-hydrated'

type FormState = { email: string; error: string | null }

/** Every word the form shows; an app passes its own language, English otherwise. */
export type SignInFormLabels = {
  email: string
  emailPlaceholder: string
  password: string
  passwordPlaceholder: string
  showPassword: string
  hidePassword: string
  show: string
  hide: string
  signIn: string
  signingIn: string
  enterEmailAndPassword: string
  signInFailed: string
  demoAccounts: string
}

const ENGLISH: SignInFormLabels = {
  email: 'Email',
  emailPlaceholder: 'you@example.com',
  password: 'Password',
  passwordPlaceholder: 'Your password',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
  show: 'Show',
  hide: 'Hide',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  enterEmailAndPassword: 'Enter your email and password.',
  signInFailed: 'Sign-in failed. Try again in a moment.',
  demoAccounts: 'Demo accounts',
}

// next-auth's own codes mean something broke before our api could answer; anything else is the api's message.
const NEXT_AUTH_CODES = new Set(['CredentialsSignin', 'Configuration', 'Callback', 'Default', 'AccessDenied'])

function describeError(error: string | null | undefined, failed: string) {
  if (!error || NEXT_AUTH_CODES.has(error)) return failed
  return error
}

type SignInFormProps = { demoHint?: string; redirectTo?: string; labels?: SignInFormLabels }

/** `redirectTo` is where a successful sign-in lands (a same-site path); home by default. */
export function SignInForm({ demoHint, redirectTo = '/', labels = ENGLISH }: SignInFormProps) {
  const l = labels
  const router = useRouter()
  const hydrated = useHydrated()
  const [showPassword, setShowPassword] = useState(false)
  const [state, submit, pending] = useActionState(
    async (_previous: FormState, form: FormData): Promise<FormState> => {
      const email = String(form.get('email') ?? '').trim()
      const password = String(form.get('password') ?? '')
      if (!email || !password) return { email, error: l.enterEmailAndPassword }
      const result = await signIn('credentials', { email, password, redirect: false }).catch(() => undefined)
      if (!result?.ok || result.error) return { email, error: describeError(result?.error, l.signInFailed) }
      router.replace(redirectTo)
      return { email, error: null }
    },
    { email: '', error: null },
  )

  return (
    <form action={submit} className={styles.form} noValidate>
      <div className={styles.field}>
        <label htmlFor="email">{l.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          placeholder={l.emailPlaceholder}
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? 'signin-error' : undefined}
          required
        />
      </div>
      <div className={styles.field}>
        <label htmlFor="password">{l.password}</label>
        <div className={styles.passwordRow}>
          <input
            id="password"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            placeholder={l.passwordPlaceholder}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? 'signin-error' : undefined}
            required
          />
          <button
            type="button"
            className={styles.reveal}
            onClick={() => setShowPassword((shown) => !shown)}
            aria-pressed={showPassword}
            aria-label={showPassword ? l.hidePassword : l.showPassword}
          >
            {showPassword ? l.hide : l.show}
          </button>
        </div>
      </div>

      <div id="signin-error" role="alert" className={styles.errorSlot} data-testid="signin-error">
        {state.error ? <p className={styles.error}>{state.error}</p> : null}
      </div>

      <button type="submit" className="button button-primary button-block" disabled={!hydrated || pending}>
        {pending ? <span className="spinner" aria-hidden="true" /> : null}
        {pending ? l.signingIn : l.signIn}
      </button>

      {demoHint ? (
        <aside className={styles.hint} aria-label={l.demoAccounts}>
          <strong>{l.demoAccounts}</strong>
          <span>{demoHint}</span>
        </aside>
      ) : null}
    </form>
  )
}
