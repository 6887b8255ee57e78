// Typed failure of social ID-token verification; the auth service maps `reason` to its own error codes.
import { errors } from 'jose'

export type SocialTokenErrorReason =
  | 'NOT_CONFIGURED'
  | 'INVALID'
  | 'EXPIRED'
  | 'WRONG_AUDIENCE'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'

export class SocialTokenError extends Error {
  override readonly name = 'SocialTokenError'
  readonly reason: SocialTokenErrorReason

  constructor(reason: SocialTokenErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.reason = reason
  }
}

// `cause` keeps the library error so the caller can tell a JWKS outage (still INVALID) from a bad token.
export function fromJoseError(error: unknown): SocialTokenError {
  if (error instanceof SocialTokenError) return error
  if (error instanceof errors.JWTExpired)
    return new SocialTokenError('EXPIRED', 'token expired', { cause: error })
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') {
    return new SocialTokenError('WRONG_AUDIENCE', 'token audience not accepted', { cause: error })
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new SocialTokenError('BAD_SIGNATURE', 'token signature invalid', { cause: error })
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new SocialTokenError('UNKNOWN_KEY', 'token signed with an unknown key', { cause: error })
  }
  return new SocialTokenError('INVALID', 'token invalid', { cause: error })
}

export function fromFirebaseError(error: unknown): SocialTokenError {
  if (error instanceof SocialTokenError) return error
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined
  if (code === 'auth/id-token-expired')
    return new SocialTokenError('EXPIRED', 'token expired', { cause: error })
  return new SocialTokenError('INVALID', 'token invalid', { cause: error })
}
