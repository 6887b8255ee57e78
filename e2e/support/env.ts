// The e2e suite's configuration: every environment variable it reads, with the demo-seed defaults.
const env = process.env

const DEMO_PASSWORD = 'connecto-demo'

export const e2eEnv = {
  ci: !!env.CI,
  apiUrl: env.E2E_API_URL ?? 'http://localhost:4000',
  webUrl: env.E2E_WEB_URL ?? 'http://localhost:3000',
  adminUrl: env.E2E_ADMIN_URL ?? 'http://localhost:3001',
  /** Shared by both apps' servers when the suite starts them; never used outside local test runs. */
  authSecret: env.NEXTAUTH_SECRET ?? 'connecto-e2e-only-secret-0123456789abcdef',
  chromiumPath: env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium',
  /** The loopback stand-in for Google's and Apple's key sets (support/id-token-server.mjs). */
  idTokenUrl: env.E2E_ID_TOKEN_URL ?? 'http://127.0.0.1:4010',
  /** The client ids the api trusts for social sign-in during the suite. */
  googleClientId: 'connecto-e2e.apps.googleusercontent.com',
  appleClientId: 'dev.connecto.e2e.web',
  accounts: {
    admin: {
      email: env.E2E_ADMIN_EMAIL ?? 'admin@connecto.dev',
      password: env.E2E_ADMIN_PASSWORD ?? DEMO_PASSWORD,
    },
    host: {
      email: env.E2E_HOST_EMAIL ?? 'host@connecto.dev',
      password: env.E2E_HOST_PASSWORD ?? DEMO_PASSWORD,
    },
    traveller: {
      email: env.E2E_TRAVELLER_EMAIL ?? 'mina@connecto.dev',
      password: env.E2E_TRAVELLER_PASSWORD ?? DEMO_PASSWORD,
    },
  },
}

export type Account = (typeof e2eEnv.accounts)[keyof typeof e2eEnv.accounts]
