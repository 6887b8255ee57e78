// The one server module that reads the environment, for both web apps. Values are looked up at request
// time on purpose: `process.env.NEXT_PUBLIC_X` written literally is inlined at build, and `next start`
// must honour the demo flags it is started with.

export function createServerEnv(app: { port: number; devSecret: string }) {
  const runtimeEnv = process.env
  const isProduction = runtimeEnv.NODE_ENV === 'production'
  const isDemo = runtimeEnv.CONNECTO_DEMO === '1'

  // next-auth reads NEXTAUTH_URL itself; without it the admin app would build its URLs on port 3000.
  runtimeEnv.NEXTAUTH_URL ??= `http://localhost:${app.port}`
  const authUrl = runtimeEnv.NEXTAUTH_URL

  return {
    apiUrl: (runtimeEnv.API_URL ?? runtimeEnv.NEXT_PUBLIC_API_URL ?? 'http://localhost:4000').replace(
      /\/+$/,
      '',
    ),
    /** Undefined in production without a secret: next-auth then refuses every request instead of signing weakly. */
    authSecret: runtimeEnv.NEXTAUTH_SECRET ?? (isProduction && !isDemo ? undefined : app.devSecret),
    authUrl,
    secureCookies: authUrl.startsWith('https://'),
    demoHint: runtimeEnv.NEXT_PUBLIC_DEMO_HINT?.trim() || undefined,
  }
}
