// Verifies Google and Apple ID tokens (RS256 JWTs) against the provider's published JWK set with jose.
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose'
import { fromJoseError, SocialTokenError } from './social-token-error.ts'
import type { SocialProvider, VerifiedIdentity } from './social-verifier-types.ts'

export type RemoteJwks = ReturnType<typeof createRemoteJWKSet>

const CLOCK_TOLERANCE_SECONDS = 5

export function createJwksCache(): (jwksUrl: string) => RemoteJwks {
  // One key set per URL: jose caches keys and rate-limits refetches per instance, not globally.
  const byUrl = new Map<string, RemoteJwks>()
  return (jwksUrl) => {
    const existing = byUrl.get(jwksUrl)
    if (existing) return existing
    const jwks = createRemoteJWKSet(new URL(jwksUrl))
    byUrl.set(jwksUrl, jwks)
    return jwks
  }
}

export type JwksTokenVerifierOptions = {
  provider: SocialProvider
  clientIds: string[]
  issuers: string[]
  jwks: RemoteJwks
  now?: () => Date
}

export function createJwksTokenVerifier(
  options: JwksTokenVerifierOptions,
): (idToken: string) => Promise<VerifiedIdentity> {
  const { provider, clientIds, issuers, jwks, now } = options
  return async (idToken) => {
    try {
      const { payload } = await jwtVerify(idToken, jwks, {
        audience: clientIds,
        issuer: issuers,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(now ? { currentDate: now() } : {}),
      })
      return toIdentity(provider, payload)
    } catch (error) {
      throw fromJoseError(error)
    }
  }
}

function toIdentity(provider: SocialProvider, payload: JWTPayload): VerifiedIdentity {
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new SocialTokenError('INVALID', 'token has no subject')
  }
  const email = typeof payload.email === 'string' && payload.email !== '' ? payload.email : null
  return {
    provider,
    providerAccountId: payload.sub,
    email,
    // Apple sends email_verified as the string 'true'; Google sends a boolean.
    emailVerified: email !== null && (payload.email_verified === true || payload.email_verified === 'true'),
    name: typeof payload.name === 'string' && payload.name !== '' ? payload.name : null,
  }
}
