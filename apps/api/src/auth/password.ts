// Password hashing with Argon2id (@node-rs/argon2): slow and salted, parameters from OWASP's guidance.
import { hash, verify } from '@node-rs/argon2'

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string) => hash(password, OPTIONS)

// Verifying against this when the email is unknown keeps the response time the same as for a wrong password.
let dummyHash: Promise<string> | undefined

export async function verifyPassword(storedHash: string | null | undefined, password: string) {
  dummyHash ??= hashPassword('connecto-timing-equaliser')
  const target = storedHash ?? (await dummyHash)
  const ok = await verify(target, password).catch(() => false)
  return ok && !!storedHash
}
