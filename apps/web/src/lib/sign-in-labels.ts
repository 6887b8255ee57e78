// The shared sign-in form's words, taken from this app's `auth` catalogue.
import type { SignInFormLabels } from '@connecto/web-kit/components/sign-in-form'

type AuthWords = (key: keyof SignInFormLabels) => string

export function signInFormLabels(t: AuthWords): SignInFormLabels {
  const keys: (keyof SignInFormLabels)[] = [
    'email',
    'emailPlaceholder',
    'password',
    'passwordPlaceholder',
    'showPassword',
    'hidePassword',
    'show',
    'hide',
    'signIn',
    'signingIn',
    'enterEmailAndPassword',
    'signInFailed',
    'demoAccounts',
  ]
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as SignInFormLabels
}
