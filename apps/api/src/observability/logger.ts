// Structured JSON logs (pino); one logger per process, children per request or component.
import pino from 'pino'

export const createLogger = (level: string) =>
  pino({ level, base: { service: 'connecto-api' }, timestamp: pino.stdTimeFunctions.isoTime })

export type Logger = ReturnType<typeof createLogger>
