// Verifies Firebase Auth ID tokens through firebase-admin, on a named app so it never clashes with others.
import { type App, cert, getApps, initializeApp } from 'firebase-admin/app'
import { getAuth } from 'firebase-admin/auth'
import { fromFirebaseError, SocialTokenError } from './social-token-error.ts'
import type { FirebaseAuthLike, FirebaseDecodedToken, VerifiedIdentity } from './social-verifier-types.ts'

export const FIREBASE_APP_NAME = 'connecto-social'

export function createFirebaseAuth(config: {
  projectId: string
  credentialsJson?: string
}): FirebaseAuthLike {
  return getAuth(getOrInitApp(config))
}

function getOrInitApp({ projectId, credentialsJson }: { projectId: string; credentialsJson?: string }): App {
  const credentials = credentialsJson ? parseCredentials(credentialsJson) : undefined
  const existing = getApps().find((app) => app.name === FIREBASE_APP_NAME)
  if (existing) {
    // Reuse keeps a second createSocialVerifier (tests, hot reload) from failing with app/duplicate-app.
    if (existing.options.projectId === projectId) return existing
    throw new Error(`firebase app "${FIREBASE_APP_NAME}" already initialised for another project`)
  }
  return initializeApp(
    credentials ? { projectId, credential: cert(credentials) } : { projectId },
    FIREBASE_APP_NAME,
  )
}

function parseCredentials(credentialsJson: string): object {
  try {
    return JSON.parse(credentialsJson) as object
  } catch {
    // JSON.parse messages quote the input, which here is a private key: never rethrow them.
    throw new Error('firebase credentialsJson is not valid JSON')
  }
}

export function createFirebaseTokenVerifier(
  auth: FirebaseAuthLike,
): (idToken: string) => Promise<VerifiedIdentity> {
  return async (idToken) => {
    let decoded: FirebaseDecodedToken
    try {
      decoded = await auth.verifyIdToken(idToken, false)
    } catch (error) {
      throw fromFirebaseError(error)
    }
    if (typeof decoded.uid !== 'string' || decoded.uid === '') {
      throw new SocialTokenError('INVALID', 'token has no uid')
    }
    const email = typeof decoded.email === 'string' && decoded.email !== '' ? decoded.email : null
    return {
      provider: 'FIREBASE',
      providerAccountId: decoded.uid,
      email,
      emailVerified: email !== null && decoded.email_verified === true,
      name: typeof decoded.name === 'string' && decoded.name !== '' ? decoded.name : null,
    }
  }
}
