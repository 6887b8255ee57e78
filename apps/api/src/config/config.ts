// The api's configuration: every environment variable is read and validated here, and nowhere else.
import { z } from 'zod'

const csv = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  )

const boolFlag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true')

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Unset: in-process bus, presence and rate limits. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  DATA_DIR: z.string().default('.data'),
  JWT_SECRET: z.string().min(32, { message: 'JWT_SECRET must be at least 32 characters' }).optional(),
  JWT_ISSUER: z.string().default('connecto'),
  ACCESS_TOKEN_TTL: z.coerce
    .number()
    .int()
    .min(30)
    .default(15 * 60),
  REFRESH_TOKEN_TTL: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 24 * 60 * 60),
  CORS_ORIGINS: csv,
  /** Peers whose X-Forwarded-For is believed (the web apps' servers, a load balancer). */
  TRUSTED_PROXIES: z
    .string()
    .default('127.0.0.1,::1,::ffff:127.0.0.1')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Seed demo data into an empty database at start-up. */
  SEED_DEMO: boolFlag,
  EVENT_RETENTION_HOURS: z.coerce.number().int().min(1).default(72),
  SIGNIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
  SIGNIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  GOOGLE_CLIENT_IDS: csv,
  GOOGLE_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
  APPLE_CLIENT_IDS: csv,
  APPLE_JWKS_URL: z.url().default('https://appleid.apple.com/auth/keys'),
  FIREBASE_PROJECT_ID: z.string().optional(),
  FIREBASE_CREDENTIALS_JSON: z.string().optional(),
  /** Where the web app is served; invite links point there. */
  PUBLIC_WEB_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
})

export type Config = ReturnType<typeof parseConfig>

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Parses an environment; throws ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>) {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = ZEnv.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    )
  }
  const e = parsed.data
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    throw new ConfigError([{ variable: 'JWT_SECRET', message: 'is required in production' }])
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    // Development-only fallback so `npm start` works with no setup; production refuses to start without one.
    jwtSecret: e.JWT_SECRET ?? 'connecto-development-secret-change-me-0123456789',
    jwtIssuer: e.JWT_ISSUER,
    accessTokenTtl: e.ACCESS_TOKEN_TTL,
    refreshTokenTtl: e.REFRESH_TOKEN_TTL,
    corsOrigins: e.CORS_ORIGINS,
    trustedProxies: e.TRUSTED_PROXIES,
    seedDemo: e.SEED_DEMO,
    publicWebUrl: e.PUBLIC_WEB_URL.replace(/\/+$/, ''),
    eventRetentionHours: e.EVENT_RETENTION_HOURS,
    signInLimits: { perIp: e.SIGNIN_LIMIT_PER_IP, perAccount: e.SIGNIN_LIMIT_PER_ACCOUNT },
    social: {
      google: e.GOOGLE_CLIENT_IDS.length
        ? {
            clientIds: e.GOOGLE_CLIENT_IDS,
            jwksUrl: e.GOOGLE_JWKS_URL,
            issuers: ['https://accounts.google.com', 'accounts.google.com'],
          }
        : undefined,
      apple: e.APPLE_CLIENT_IDS.length
        ? { clientIds: e.APPLE_CLIENT_IDS, jwksUrl: e.APPLE_JWKS_URL, issuer: 'https://appleid.apple.com' }
        : undefined,
      firebase: e.FIREBASE_PROJECT_ID
        ? { projectId: e.FIREBASE_PROJECT_ID, credentialsJson: e.FIREBASE_CREDENTIALS_JSON }
        : undefined,
    },
  }
}
