import { defineConfig, devices } from '@playwright/test'
import { e2eEnv } from './support/env'

// Chromium's own background traffic is refused on these machines; these flags keep it quiet.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const portOf = (url: string) => new URL(url).port || '80'

const appServerEnv = (url: string) => ({
  PORT: portOf(url),
  NEXTAUTH_URL: url,
  NEXTAUTH_SECRET: e2eEnv.authSecret,
  API_URL: e2eEnv.apiUrl,
  PUBLIC_API_URL: e2eEnv.apiUrl,
})

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results/artifacts',
  forbidOnly: e2eEnv.ci,
  retries: e2eEnv.ci ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { outputFolder: './playwright-report', open: 'never' }],
    // The root test script reads the totals from this file.
    ...(process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['json'] as ['json']] : []),
  ],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: e2eEnv.chromiumPath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'web', testDir: './tests/web', use: { baseURL: e2eEnv.webUrl } },
    { name: 'admin', testDir: './tests/admin', use: { baseURL: e2eEnv.adminUrl } },
  ],
  // The apps are served from their production builds: run `pnpm build` (or each app's build) first.
  webServer: [
    {
      command: 'pnpm --filter @connecto/api start',
      url: `${e2eEnv.apiUrl}/health`,
      reuseExistingServer: !e2eEnv.ci,
      timeout: 120_000,
      // Every sign-in counts against the per-IP limit, and all of the suite's come from one address.
      env: {
        PORT: portOf(e2eEnv.apiUrl),
        SEED_DEMO: '1',
        SIGNIN_LIMIT_PER_IP: '1000',
        // Google and Apple sign-in verify against the local stand-in below instead of the real key sets.
        GOOGLE_CLIENT_IDS: e2eEnv.googleClientId,
        GOOGLE_JWKS_URL: `${e2eEnv.idTokenUrl}/certs`,
        APPLE_CLIENT_IDS: e2eEnv.appleClientId,
        APPLE_JWKS_URL: `${e2eEnv.idTokenUrl}/certs`,
      },
    },
    {
      command: 'node support/id-token-server.mjs',
      url: `${e2eEnv.idTokenUrl}/certs`,
      reuseExistingServer: !e2eEnv.ci,
      timeout: 30_000,
      env: { PORT: portOf(e2eEnv.idTokenUrl) },
    },
    {
      command: 'pnpm --filter @connecto/web start',
      url: `${e2eEnv.webUrl}/signin`,
      reuseExistingServer: !e2eEnv.ci,
      timeout: 60_000,
      env: appServerEnv(e2eEnv.webUrl),
    },
    {
      command: 'pnpm --filter @connecto/admin start',
      url: `${e2eEnv.adminUrl}/signin`,
      reuseExistingServer: !e2eEnv.ci,
      timeout: 60_000,
      env: appServerEnv(e2eEnv.adminUrl),
    },
  ],
})
