// One error class for every refusal a client can see, carrying a code from the shared catalogue.
import { ERRORS, type ErrorCode } from '@connecto/shared'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly field?: string,
    /** Rate-limit refusals: seconds until the caller may try again, sent in `error.data.app`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message ?? ERRORS[code].message)
    this.name = 'AppError'
  }
}

export const fail = (code: ErrorCode, message?: string, field?: string): never => {
  throw new AppError(code, message, field)
}
