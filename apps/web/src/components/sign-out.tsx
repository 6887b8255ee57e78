'use client'

import { SignOutButton } from '@connecto/web-kit/components/sign-out-button'
import { useTranslations } from 'next-intl'

/** The kit's sign-out button in the reader's language. */
export function SignOutButtonLocalized() {
  const t = useTranslations('auth')
  return <SignOutButton labels={{ signOut: t('signOut'), signingOut: t('signingOut') }} />
}
