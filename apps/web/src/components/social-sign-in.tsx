'use client'
// Google and Apple sign-in, shown for each provider the api has configured. Each provider's own browser
// SDK yields an ID token; next-auth's "social" provider hands it to the api (auth.socialSignIn), and the
// session that comes back is the same as after a password sign-in.
import { useQuery } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useLocale, useTranslations } from 'next-intl'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import {
  isAppleCancel,
  loadApple,
  loadGoogle,
  nicknameFromApple,
  PROVIDER_NAMES,
  type SocialProvider,
  socialRefusalKey,
} from '@/lib/social-sdk'

type Status = { kind: 'idle' } | { kind: 'busy'; provider: SocialProvider } | { kind: 'error'; text: string }

export function SocialSignIn({ redirectTo }: { redirectTo: string }) {
  const trpc = useTRPC()
  const router = useRouter()
  const t = useTranslations('social')
  const providers = useQuery(trpc.auth.providers.queryOptions(undefined, { staleTime: Infinity }))
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

  const finish = useCallback(
    async (provider: SocialProvider, idToken: string, nickname?: string) => {
      const name = PROVIDER_NAMES[provider]
      setStatus({ kind: 'busy', provider })
      const result = await signIn('social', {
        provider,
        idToken,
        ...(nickname ? { nickname } : {}),
        redirect: false,
      }).catch(() => undefined)
      if (result?.ok && !result.error) {
        router.replace(redirectTo)
        router.refresh()
        return
      }
      setStatus({ kind: 'error', text: t(socialRefusalKey(result?.error), { provider: name }) })
    },
    [router, redirectTo, t],
  )
  const fail = useCallback((text: string) => setStatus({ kind: 'error', text }), [])

  const googleClientId = providers.data?.google ? providers.data.googleClientId : null
  const appleClientId = providers.data?.apple ? providers.data.appleClientId : null
  if (!googleClientId && !appleClientId) return null
  return (
    <fieldset className="social-sign-in" aria-busy={status.kind === 'busy'}>
      <legend className="visually-hidden">{t('otherWays')}</legend>
      <p className="social-divider" aria-hidden="true">
        <span>{t('or')}</span>
      </p>
      {googleClientId ? <GoogleButton clientId={googleClientId} onToken={finish} /> : null}
      {appleClientId ? <AppleButton clientId={appleClientId} onToken={finish} onFail={fail} /> : null}
      <div role="status" className="social-status" data-testid="social-status">
        {status.kind === 'busy' ? t('signingIn', { provider: PROVIDER_NAMES[status.provider] }) : null}
        {status.kind === 'error' ? <span className="form-error">{status.text}</span> : null}
      </div>
    </fieldset>
  )
}

type ButtonProps = {
  clientId: string
  onToken: (provider: SocialProvider, idToken: string, nickname?: string) => Promise<void>
}

/** Google draws its own button (Google Identity Services) into this slot; ours stands in until it has. */
function GoogleButton({ clientId, onToken }: ButtonProps) {
  const t = useTranslations('social')
  const locale = useLocale()
  const slot = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'unavailable'>('loading')
  // The SDK keeps the first callback it is given; this ref lets it reach the current one.
  const onTokenRef = useRef(onToken)
  onTokenRef.current = onToken

  useEffect(() => {
    let cancelled = false
    loadGoogle()
      .then((id) => {
        if (cancelled || !slot.current) return
        id.initialize({
          client_id: clientId,
          ux_mode: 'popup',
          use_fedcm_for_button: true,
          callback: (response) => {
            if (response.credential) void onTokenRef.current('GOOGLE', response.credential)
          },
        })
        id.renderButton(slot.current, {
          type: 'standard',
          theme: 'outline',
          size: 'large',
          text: 'continue_with',
          width: Math.min(slot.current.clientWidth || 400, 400),
          locale,
        })
        setState('ready')
      })
      .catch(() => !cancelled && setState('unavailable'))
    return () => {
      cancelled = true
    }
  }, [clientId, locale])

  return (
    <div className="social-provider" data-provider="google" data-state={state}>
      <div ref={slot} className="google-slot" data-testid="google-button" hidden={state !== 'ready'} />
      {state === 'ready' ? null : (
        <button type="button" className="button button-secondary button-block social-button" disabled>
          <GoogleMark /> {t('google')}
        </button>
      )}
      {state === 'unavailable' ? (
        <p className="field-hint">{t('unavailable', { provider: 'Google' })}</p>
      ) : null}
    </div>
  )
}

/** Apple has no drawn button to embed here; ours opens Apple's popup through Sign in with Apple JS. */
function AppleButton({ clientId, onToken, onFail }: ButtonProps & { onFail: (text: string) => void }) {
  const t = useTranslations('social')
  const locale = useLocale()
  const [state, setState] = useState<'loading' | 'ready' | 'unavailable'>('loading')

  useEffect(() => {
    let cancelled = false
    loadApple(locale)
      .then((auth) => {
        if (cancelled) return
        // Apple checks this address against the ones registered for the Services ID, popup or not.
        auth.init({
          clientId,
          scope: 'name email',
          redirectURI: `${window.location.origin}/signin`,
          usePopup: true,
        })
        setState('ready')
      })
      .catch(() => !cancelled && setState('unavailable'))
    return () => {
      cancelled = true
    }
  }, [clientId, locale])

  async function start() {
    const auth = window.AppleID?.auth
    if (!auth) return
    try {
      const response = await auth.signIn()
      const idToken = response.authorization?.id_token
      if (!idToken) throw new Error('no id_token')
      await onToken('APPLE', idToken, nicknameFromApple(response))
    } catch (error) {
      onFail(t(isAppleCancel(error) ? 'cancelled' : 'failed', { provider: 'Apple' }))
    }
  }

  return (
    <div className="social-provider" data-provider="apple" data-state={state}>
      <button
        type="button"
        className="button button-block social-button apple-button"
        disabled={state !== 'ready'}
        onClick={() => void start()}
      >
        <AppleMark /> {t('apple')}
      </button>
      {state === 'unavailable' ? (
        <p className="field-hint">{t('unavailable', { provider: 'Apple' })}</p>
      ) : null}
    </div>
  )
}

function GoogleMark() {
  return (
    <svg width="18" height="18" viewBox="0 0 48 48" aria-hidden="true">
      <path
        fill="#EA4335"
        d="M24 9.5c3.5 0 6.6 1.2 9.1 3.6l6.8-6.8C35.8 2.4 30.3 0 24 0 14.6 0 6.6 5.4 2.7 13.3l7.9 6.1C12.5 13.6 17.8 9.5 24 9.5z"
      />
      <path
        fill="#4285F4"
        d="M46.1 24.6c0-1.6-.1-3.1-.4-4.6H24v9h12.4c-.5 2.9-2.2 5.3-4.6 6.9l7.4 5.7c4.3-4 6.9-9.9 6.9-17z"
      />
      <path
        fill="#FBBC05"
        d="M10.6 28.6c-.5-1.4-.8-3-.8-4.6s.3-3.2.8-4.6l-7.9-6.1C1 16.6 0 20.2 0 24s1 7.4 2.7 10.7l7.9-6.1z"
      />
      <path
        fill="#34A853"
        d="M24 48c6.5 0 11.9-2.1 15.9-5.8l-7.4-5.7c-2.1 1.4-4.8 2.3-8.5 2.3-6.2 0-11.5-4.1-13.4-9.9l-7.9 6.1C6.6 42.6 14.6 48 24 48z"
      />
    </svg>
  )
}

function AppleMark() {
  return (
    <svg width="16" height="18" viewBox="0 0 814 1000" aria-hidden="true" fill="currentColor">
      <path d="M788 341c-6 4-108 62-108 190 0 149 130 201 134 203-1 3-21 72-69 142-43 62-88 123-156 123s-86-39-164-39c-76 0-103 41-165 41s-106-57-156-127C46 790 0 663 0 541c0-194 126-297 250-297 66 0 121 43 162 43 39 0 101-46 176-46 29 0 131 3 200 100zM554 160c31-37 53-88 53-139 0-7-1-14-2-20-50 2-110 34-146 76-28 32-55 83-55 135 0 8 1 16 2 18 3 1 8 1 13 1 45 0 102-30 135-71z" />
    </svg>
  )
}
