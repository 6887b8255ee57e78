'use client'

import { useQuery } from '@tanstack/react-query'
import { useTRPC } from '@/lib/connecto'

/**
 * Google and Apple buttons, shown only when the api has that provider configured. Their identity SDKs
 * are not bundled yet, so a configured button says so instead of pretending to sign in.
 */
export function SocialSignIn() {
  const trpc = useTRPC()
  const providers = useQuery(trpc.auth.providers.queryOptions(undefined, { staleTime: Infinity }))
  const configured = (['google', 'apple'] as const).filter((name) => providers.data?.[name])
  if (configured.length === 0) return null
  return (
    <fieldset className="social-sign-in">
      <legend className="visually-hidden">Other ways to sign in</legend>
      {configured.map((name) => (
        <button key={name} type="button" className="button button-secondary button-block" disabled>
          Continue with {name === 'google' ? 'Google' : 'Apple'}
        </button>
      ))}
    </fieldset>
  )
}
