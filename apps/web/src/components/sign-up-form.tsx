'use client'

import { LIMITS } from '@connecto/shared'
import { useMutation } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { adoptLocaleForNewAccount } from '@/lib/account-preferences'
import { useTRPC } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'

/** Creates the account through the api, then signs in with it through next-auth. */
export function SignUpForm({ redirectTo }: { redirectTo: string }) {
  const trpc = useTRPC()
  const router = useRouter()
  const t = useTranslations('auth')
  const locale = useLocale()
  const describeRefusal = useDescribeRefusal()
  const [error, setError] = useState<string | null>(null)
  const signUp = useMutation(trpc.auth.signUp.mutationOptions())
  const [pending, setPending] = useState(false)

  async function submit(form: FormData) {
    const input = {
      nickname: String(form.get('nickname') ?? '').trim(),
      email: String(form.get('email') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    }
    setPending(true)
    setError(null)
    try {
      await signUp.mutateAsync(input)
      const result = await signIn('credentials', {
        email: input.email,
        password: input.password,
        redirect: false,
      })
      if (!result?.ok || result.error) throw new Error(result?.error ?? t('signInFailed'))
      adoptLocaleForNewAccount(locale)
      router.replace(redirectTo)
    } catch (caught) {
      setError(caught instanceof Error && !signUp.isError ? caught.message : describeRefusal(caught).text)
      setPending(false)
    }
  }

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit(new FormData(event.currentTarget))
      }}
    >
      <div className="field">
        <label htmlFor="nickname">{t('nickname')}</label>
        <input
          id="nickname"
          name="nickname"
          autoComplete="nickname"
          minLength={2}
          maxLength={LIMITS.nicknameMax}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" inputMode="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={LIMITS.passwordMin}
          aria-describedby="password-hint"
          required
        />
        <span id="password-hint" className="field-hint">
          {t('passwordHint', { min: LIMITS.passwordMin })}
        </span>
      </div>
      <div role="alert" className="form-error" data-testid="signup-error">
        {error}
      </div>
      <button type="submit" className="button button-primary button-block" disabled={pending}>
        {pending ? t('creatingAccount') : t('createAccount')}
      </button>
    </form>
  )
}
