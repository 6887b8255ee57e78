// Public types of the social sign-in verifier, kept apart so provider modules and callers share them.
export type SocialProvider = 'GOOGLE' | 'APPLE' | 'FIREBASE'

export type VerifiedIdentity = {
  provider: SocialProvider
  providerAccountId: string
  email: string | null
  emailVerified: boolean
  name: string | null
}

export type SocialVerifierConfig = {
  google?: { clientIds: string[]; jwksUrl?: string; issuers?: string[] }
  apple?: { clientIds: string[]; jwksUrl?: string; issuer?: string }
  firebase?: { projectId: string; credentialsJson?: string }
}

// The slice of firebase-admin's Auth we use; tests inject a fake here instead of reaching Google.
export type FirebaseAuthLike = {
  verifyIdToken(idToken: string, checkRevoked?: boolean): Promise<FirebaseDecodedToken>
}

export type FirebaseDecodedToken = {
  uid: string
  email?: string
  email_verified?: boolean
  name?: unknown
}

export type SocialVerifier = {
  verify(provider: SocialProvider, idToken: string): Promise<VerifiedIdentity>
  isConfigured(provider: SocialProvider): boolean
  /** The client id a browser signs in with (the first configured audience); null when not configured. */
  webClientId(provider: 'GOOGLE' | 'APPLE'): string | null
}
