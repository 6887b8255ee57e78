// Converts anything thrown inside a procedure into an AppError: validation, Prisma, unknown.
import { ZodError } from 'zod'
import { AppError } from './app-error.ts'

type PrismaLikeError = { code?: unknown; name?: unknown }

export function toAppError(cause: unknown): AppError {
  if (cause instanceof AppError) return cause
  if (cause instanceof ZodError) {
    const issue = cause.issues[0]
    const field = issue?.path.join('.') || undefined
    const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : undefined
    return new AppError('SYS001', message, field)
  }
  const prismaCode = (cause as PrismaLikeError | null)?.code
  if (prismaCode === 'P2002') return new AppError('SYS003')
  if (prismaCode === 'P2025') return new AppError('SYS002')
  return new AppError('SYS005')
}
