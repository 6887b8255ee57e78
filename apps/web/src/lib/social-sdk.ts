// Google Identity Services and Sign in with Apple JS: loading each provider's browser SDK and the slice of
// it we use. Both hand back an OpenID Connect ID token, which the api verifies (auth.socialSignIn).

export type SocialProvider = 'GOOGLE' | 'APPLE'

export const PROVIDER_NAMES: Record<SocialProvider, string> = { GOOGLE: 'Google', APPLE: 'Apple' }

export const GOOGLE_SCRIPT = 'https://accounts.google.com/gsi/client'
/** Apple serves the script per locale; its popup follows it. */
export const appleScript = (locale: string) =>
  `https://appleid.cdn-apple.com/appleauth/static/jsapi/appleid/1/${locale === 'ko' ? 'ko_KR' : 'en_US'}/appleid.auth.js`

type GoogleCredentialResponse = { credential?: string }

export type GoogleIdentity = {
  initialize(config: {
    client_id: string
    callback: (response: GoogleCredentialResponse) => void
    ux_mode?: 'popup' | 'redirect'
    use_fedcm_for_button?: boolean
  }): void
  renderButton(
    parent: HTMLElement,
    options: {
      type?: 'standard'
      theme?: 'outline'
      size?: 'large'
      text?: 'continue_with'
      width?: number
      locale?: string
    },
  ): void
}

type AppleSignInResponse = {
  authorization?: { id_token?: string }
  user?: { name?: { firstName?: string; lastName?: string } }
}

export type AppleAuth = {
  init(config: { clientId: string; scope: string; redirectURI: string; usePopup: boolean }): void
  signIn(): Promise<AppleSignInResponse>
}

declare global {
  interface Window {
    google?: { accounts?: { id?: GoogleIdentity } }
    AppleID?: { auth?: AppleAuth }
  }
}

const loading = new Map<string, Promise<void>>()

/** Adds `src` to the page once; resolves when it has run, rejects when it cannot be fetched. */
export function loadScript(src: string): Promise<void> {
  const pending = loading.get(src)
  if (pending) return pending
  const load = new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.async = true
    script.onload = () => resolve()
    script.onerror = () => {
      loading.delete(src)
      script.remove()
      reject(new Error(`could not load ${src}`))
    }
    document.head.append(script)
  })
  loading.set(src, load)
  return load
}

export async function loadGoogle(): Promise<GoogleIdentity> {
  await loadScript(GOOGLE_SCRIPT)
  const id = window.google?.accounts?.id
  if (!id) throw new Error('Google Identity Services did not start')
  return id
}

export async function loadApple(locale: string): Promise<AppleAuth> {
  await loadScript(appleScript(locale))
  const auth = window.AppleID?.auth
  if (!auth) throw new Error('Sign in with Apple JS did not start')
  return auth
}

/** A nickname from Apple's first-sign-in name (Apple sends it only once), within the api's length limit. */
export function nicknameFromApple(response: AppleSignInResponse): string | undefined {
  const name = [response.user?.name?.firstName, response.user?.name?.lastName]
    .filter(Boolean)
    .join(' ')
    .trim()
  return name.length >= 2 ? name.slice(0, 30) : undefined
}

/** Apple's popup reports a closed window as an error object rather than a rejection reason string. */
export function isAppleCancel(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { error?: unknown }).error : error
  return code === 'popup_closed_by_user' || code === 'user_cancelled_authorize'
}

const KNOWN_REFUSALS = ['AUTH005', 'AUTH006', 'AUTH008', 'AUTH009', 'AUTH010'] as const
export type SocialRefusalKey = (typeof KNOWN_REFUSALS)[number] | 'failed'

/** The `social` catalogue key for what next-auth's "social" provider reported (an api error code, or not). */
export function socialRefusalKey(error: string | null | undefined): SocialRefusalKey {
  return KNOWN_REFUSALS.find((code) => code === error) ?? 'failed'
}
