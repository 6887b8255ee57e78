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

/** The web and admin apps as `pnpm dev` / `pnpm start` serve them. */
const LOCAL_WEB_ORIGINS = [3000, 3001].flatMap((port) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
])

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
  /** Unset: mail is recorded and logged, not sent. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: boolFlag,
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.string().default('Connecto <no-reply@connecto.local>'),
  /** How long an email waits for the user to read the notification in the app before it is mailed. */
  EMAIL_DIGEST_MINUTES: z.coerce.number().int().min(0).default(30),
  /** How long pushes for a burst in one planet are gathered into one ("12 new messages in General"). */
  PUSH_COALESCE_SECONDS: z.coerce.number().int().min(0).default(10),
  /** How long new messages (of every planet) are gathered into one notification fan-out job (≤ 200). */
  NOTIFY_BATCH_MS: z.coerce.number().int().min(0).default(500),
  /** all: http and job workers in one process; api: http only, jobs run in `pnpm worker` processes. */
  API_ROLE: z.enum(['all', 'api']).default('all'),
  /** BullMQ key prefix; unset: derived from the database name, so nodes on one database share queues. */
  QUEUE_PREFIX: z.string().optional(),
  /** Browser origins allowed to open a WebSocket; unset: PUBLIC_WEB_URL, CORS_ORIGINS and the local web/admin URLs. */
  WEB_ORIGINS: csv,
  WS_MAX_PAYLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  WS_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(10),
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).default(50),
  /** A socket whose unsent backlog passes this is a consumer that cannot keep up: it is closed. */
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  WS_PING_MS: z.coerce.number().int().min(100).default(30_000),
  WS_PONG_WAIT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Where the web app is served; invite links point there. */
  PUBLIC_WEB_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** Where this api is reached from clients; local-storage upload and download links point there. */
  PUBLIC_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Set S3_BUCKET to store files in S3-compatible storage (R2, S3, MinIO); unset: a folder under DATA_DIR. */
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().default('auto'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style URLs (http://host/bucket/key), which MinIO and most stand-ins need; unset: on with S3_ENDPOINT. */
  S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'true', 'false']).optional(),
  /** ffmpeg binary for video poster frames; unset: looked up on PATH, and videos get no preview without it. */
  FFMPEG_PATH: z.string().optional(),
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
  if (e.S3_BUCKET) {
    const missing = (['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((v) => !e[v])
    if (missing.length) {
      throw new ConfigError(
        missing.map((variable) => ({ variable, message: 'is required when S3_BUCKET is set' })),
      )
    }
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
    role: e.API_ROLE,
    queuePrefix: e.QUEUE_PREFIX,
    notifications: {
      smtp: e.SMTP_HOST
        ? {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            secure: e.SMTP_SECURE,
            auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASS ?? '' } : undefined,
          }
        : undefined,
      mailFrom: e.MAIL_FROM,
      emailDigestMinutes: e.EMAIL_DIGEST_MINUTES,
      pushCoalesceSeconds: e.PUSH_COALESCE_SECONDS,
      batchMs: e.NOTIFY_BATCH_MS,
      firebase: e.FIREBASE_PROJECT_ID
        ? { projectId: e.FIREBASE_PROJECT_ID, credentialsJson: e.FIREBASE_CREDENTIALS_JSON }
        : undefined,
    },
    publicApiUrl: (e.PUBLIC_API_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    storage: {
      s3:
        e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
          ? {
              bucket: e.S3_BUCKET,
              endpoint: e.S3_ENDPOINT,
              region: e.S3_REGION,
              accessKeyId: e.S3_ACCESS_KEY_ID,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY,
              forcePathStyle: e.S3_FORCE_PATH_STYLE
                ? e.S3_FORCE_PATH_STYLE === '1' || e.S3_FORCE_PATH_STYLE === 'true'
                : !!e.S3_ENDPOINT,
            }
          : undefined,
      ffmpegPath: e.FFMPEG_PATH,
    },
    ws: {
      allowedOrigins: e.WEB_ORIGINS.length
        ? e.WEB_ORIGINS
        : [...new Set([e.PUBLIC_WEB_URL.replace(/\/+$/, ''), ...e.CORS_ORIGINS, ...LOCAL_WEB_ORIGINS])],
      maxPayloadBytes: e.WS_MAX_PAYLOAD_BYTES,
      maxSocketsPerUser: e.WS_MAX_SOCKETS_PER_USER,
      maxSubscriptionsPerSocket: e.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
      pingMs: e.WS_PING_MS,
      pongWaitMs: e.WS_PONG_WAIT_MS,
    },
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
