// Verifies Google, Apple and Firebase sign-in ID tokens and returns one normalised identity shape.
import { createFirebaseAuth, createFirebaseTokenVerifier } from './firebase-token-verifier.ts'
import { createJwksCache, createJwksTokenVerifier } from './jwks-token-verifier.ts'
import { SocialTokenError } from './social-token-error.ts'
import type {
  FirebaseAuthLike,
  SocialProvider,
  SocialVerifier,
  SocialVerifierConfig,
  VerifiedIdentity,
} from './social-verifier-types.ts'

export { SocialTokenError, type SocialTokenErrorReason } from './social-token-error.ts'
export type * from './social-verifier-types.ts'

export const GOOGLE_DEFAULTS = {
  jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
  issuers: ['https://accounts.google.com', 'accounts.google.com'],
}

export const APPLE_DEFAULTS = {
  jwksUrl: 'https://appleid.apple.com/auth/keys',
  issuer: 'https://appleid.apple.com',
}

type VerifyToken = (idToken: string) => Promise<VerifiedIdentity>

export function createSocialVerifier(
  config: SocialVerifierConfig,
  deps: { firebaseAuth?: FirebaseAuthLike; now?: () => Date } = {},
): SocialVerifier {
  const getJwks = createJwksCache()
  const verifiers: Partial<Record<SocialProvider, VerifyToken>> = {}
  const { google, apple, firebase } = config

  const googleClientIds = nonEmpty(google?.clientIds)
  if (google && googleClientIds.length > 0) {
    verifiers.GOOGLE = createJwksTokenVerifier({
      provider: 'GOOGLE',
      clientIds: googleClientIds,
      issuers: google.issuers ?? GOOGLE_DEFAULTS.issuers,
      jwks: getJwks(google.jwksUrl ?? GOOGLE_DEFAULTS.jwksUrl),
      now: deps.now,
    })
  }

  const appleClientIds = nonEmpty(apple?.clientIds)
  if (apple && appleClientIds.length > 0) {
    verifiers.APPLE = createJwksTokenVerifier({
      provider: 'APPLE',
      clientIds: appleClientIds,
      issuers: [apple.issuer ?? APPLE_DEFAULTS.issuer],
      jwks: getJwks(apple.jwksUrl ?? APPLE_DEFAULTS.jwksUrl),
      now: deps.now,
    })
  }

  if (firebase?.projectId) {
    verifiers.FIREBASE = createFirebaseTokenVerifier(deps.firebaseAuth ?? createFirebaseAuth(firebase))
  }

  const webClientIds = { GOOGLE: googleClientIds[0] ?? null, APPLE: appleClientIds[0] ?? null }

  return {
    isConfigured: (provider) => Object.hasOwn(verifiers, provider),
    webClientId: (provider) => (Object.hasOwn(verifiers, provider) ? webClientIds[provider] : null),
    async verify(provider, idToken) {
      const verifyToken = Object.hasOwn(verifiers, provider) ? verifiers[provider] : undefined
      if (!verifyToken) throw new SocialTokenError('NOT_CONFIGURED', `${provider} sign-in is not configured`)
      if (typeof idToken !== 'string' || idToken === '') {
        throw new SocialTokenError('INVALID', 'token missing')
      }
      return verifyToken(idToken)
    },
  }
}

// An empty audience list would make every token fail as WRONG_AUDIENCE; treat it as "not configured".
function nonEmpty(values: string[] | undefined): string[] {
  return (values ?? []).map((value) => value.trim()).filter((value) => value !== '')
}
