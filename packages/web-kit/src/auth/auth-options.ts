// next-auth configuration: password sign-in (and, where an app offers it, Google / Apple ID tokens) against
// the api, its tokens kept in the encrypted JWT cookie.
import { LIMITS, ZSignInInput, ZSocialSignInInput } from '@connecto/shared'
import type { NextAuthOptions, RequestInternal, User } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import CredentialsProvider from 'next-auth/providers/credentials'
import { readApiRefusal } from '../api'
import type { AuthApi } from './auth-api'
import type { AuthCookies } from './auth-cookies'
import { toSession } from './session'
import type { TAuthResult } from './types'

const REFRESH_MARGIN_MS = 60_000
const UNREACHABLE = 'Connecto is not reachable right now. Try again in a moment.'

type Credentials = Record<string, string> | undefined

type AuthOptionsInput = {
  api: AuthApi
  cookies: AuthCookies
  authSecret: string | undefined
  /** Adds the "social" credentials provider: `{ provider, idToken, nickname? }` from Google or Apple's SDK. */
  socialSignIn?: boolean
}

/**
 * What a refused social sign-in reports to the page: the api's error code (AUTH009, AUTH010, …), so the
 * app can word it in the reader's language; UNREACHABLE or INVALID_INPUT when the api was not asked.
 */
export const SOCIAL_UNREACHABLE = 'UNREACHABLE'
export const SOCIAL_INVALID_INPUT = 'INVALID_INPUT'

const toToken = (token: JWT, auth: TAuthResult): JWT => ({
  ...token,
  accessToken: auth.accessToken,
  refreshToken: auth.refreshToken,
  accessTokenExpiresAt: auth.accessTokenExpiresAt,
  user: auth.user,
  error: undefined,
})

export function createAuthOptions({
  api,
  cookies,
  authSecret,
  socialSignIn,
}: AuthOptionsInput): NextAuthOptions {
  async function authorize(credentials: Credentials, req: Pick<RequestInternal, 'headers'>): Promise<User> {
    const input = ZSignInInput.safeParse(credentials ?? {})
    if (!input.success) throw new Error(input.error.issues[0]?.message ?? 'Enter your email and password.')
    const forwardedFor = req.headers?.['x-forwarded-for'] as string | undefined
    try {
      const auth = await api.signInWithPassword(input.data, forwardedFor)
      return { id: auth.user.id, email: auth.user.email, name: auth.user.nickname, auth }
    } catch (error) {
      const refusal = readApiRefusal(error)
      if (refusal) throw new Error(refusal.app.message)
      console.error('[auth] sign-in could not reach the api', error)
      throw new Error(UNREACHABLE)
    }
  }

  async function authorizeSocial(
    credentials: Credentials,
    req: Pick<RequestInternal, 'headers'>,
  ): Promise<User> {
    const input = ZSocialSignInInput.safeParse({
      provider: credentials?.provider,
      idToken: credentials?.idToken,
      ...(credentials?.nickname ? { nickname: credentials.nickname } : {}),
    })
    if (!input.success) throw new Error(SOCIAL_INVALID_INPUT)
    const forwardedFor = req.headers?.['x-forwarded-for'] as string | undefined
    try {
      const auth = await api.signInWithSocial(input.data, forwardedFor)
      return { id: auth.user.id, email: auth.user.email, name: auth.user.nickname, auth }
    } catch (error) {
      const refusal = readApiRefusal(error)
      if (refusal) throw new Error(refusal.app.code)
      console.error('[auth] social sign-in could not reach the api', error)
      throw new Error(SOCIAL_UNREACHABLE)
    }
  }

  async function refreshToken(token: JWT): Promise<JWT> {
    if (token.error) return token
    if (Date.parse(token.accessTokenExpiresAt) - Date.now() > REFRESH_MARGIN_MS) return token
    try {
      return toToken(token, await api.refreshSession(token.refreshToken))
    } catch (error) {
      // Only a 401/403 is a verdict on the token; an unreachable or failing api is retried on the next request.
      const status = readApiRefusal(error)?.httpStatus
      if (status !== 401 && status !== 403) {
        console.warn('[auth] token refresh failed; keeping the session for now', error)
        return token
      }
      return { ...token, error: 'RefreshFailed' }
    }
  }

  return {
    secret: authSecret,
    session: { strategy: 'jwt', maxAge: LIMITS.refreshTokenTtlSeconds },
    cookies,
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        authorize,
      }),
      ...(socialSignIn
        ? [
            CredentialsProvider({
              id: 'social',
              name: 'Google or Apple',
              credentials: {
                provider: { label: 'Provider', type: 'text' },
                idToken: { label: 'ID token', type: 'text' },
                nickname: { label: 'Nickname', type: 'text' },
              },
              authorize: authorizeSocial,
            }),
          ]
        : []),
    ],
    callbacks: {
      jwt: ({ token, user }) => (user ? toToken(token, user.auth) : refreshToken(token)),
      session: ({ session, token }) => toSession(token, session.expires),
    },
    events: {
      async signOut({ token }) {
        if (!token?.refreshToken) return
        await api.revokeRefreshToken(token.refreshToken).catch((error: unknown) => {
          console.warn('[auth] could not revoke the refresh token on sign-out', error)
        })
      },
    },
  }
}
