import { z } from 'zod'

export const ZId = z.string().min(1).max(64)
export const ZCursor = z.string().min(1).max(64)
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address.' }))
