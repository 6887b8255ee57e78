// Google and Apple sign-in without the internet: the api trusts a loopback key set
// (support/id-token-server.mjs, started by playwright.config.ts), and each provider's browser SDK is
// replaced by a tiny stand-in that hands the page an ID token signed with that key, as the real SDK would.
import type { Page } from '@playwright/test'
import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'

const GOOGLE_SCRIPT = 'https://accounts.google.com/gsi/client'
const APPLE_SCRIPT =
  /^https:\/\/appleid\.cdn-apple\.com\/appleauth\/static\/jsapi\/appleid\/1\/\w+\/appleid\.auth\.js$/

async function signedIdToken(claims: Record<string, unknown>) {
  const response = await fetch(`${e2eEnv.idTokenUrl}/sign`, { method: 'POST', body: JSON.stringify(claims) })
  expect(response.ok, 'the id-token stand-in signs tokens').toBe(true)
  return response.text()
}

/** Google Identity Services as far as the page uses it: initialize, then a drawn button that returns a credential. */
const googleStandIn = (credential: string) => `
  window.google = { accounts: { id: {
    initialize(config) { window.__gisConfig = config },
    renderButton(parent) {
      const button = document.createElement('button')
      button.type = 'button'
      button.textContent = 'Sign in with Google (stand-in)'
      button.onclick = () => window.__gisConfig.callback({ credential: ${JSON.stringify(credential)}, select_by: 'btn' })
      parent.append(button)
    },
  } } }`

/** Sign in with Apple JS: init, then signIn() resolving with the authorization and, the first time, the name. */
const appleStandIn = (idToken: string) => `
  window.AppleID = { auth: {
    init(config) { window.__appleConfig = config },
    signIn: async () => ({
      authorization: { id_token: ${JSON.stringify(idToken)}, code: 'stand-in' },
      user: { email: 'ari@privaterelay.appleid.com', name: { firstName: 'Ari', lastName: 'Apple' } },
    }),
  } }`

async function serveStandIns(page: Page, { google, apple }: { google?: string; apple?: string }) {
  await page.route(GOOGLE_SCRIPT, (route) =>
    google ? route.fulfill({ contentType: 'text/javascript', body: googleStandIn(google) }) : route.abort(),
  )
  await page.route(APPLE_SCRIPT, (route) =>
    apple ? route.fulfill({ contentType: 'text/javascript', body: appleStandIn(apple) }) : route.abort(),
  )
}

const uniqueSub = (label: string) =>
  `e2e-${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

test.describe('web social sign-in', () => {
  test.beforeAll(async () => {
    const response = await fetch(`${e2eEnv.apiUrl}/trpc/auth.providers`)
    const providers = (await response.json()).result.data.json
    // The api must run with the suite's GOOGLE_* / APPLE_* settings (playwright.config.ts) for these tests.
    expect(providers).toMatchObject({
      google: true,
      apple: true,
      googleClientId: e2eEnv.googleClientId,
      appleClientId: e2eEnv.appleClientId,
    })
  })

  test('a new traveller continues with Google and lands signed in on their travels', async ({
    page,
    capture,
  }) => {
    const sub = uniqueSub('google')
    const email = `${sub}@gmail.example`
    const credential = await signedIdToken({
      iss: 'https://accounts.google.com',
      aud: e2eEnv.googleClientId,
      sub,
      email,
      email_verified: true,
      name: 'Gia Google',
    })
    await serveStandIns(page, { google: credential, apple: 'unused' })
    await page.goto('/signin')
    await expect(page.getByRole('button', { name: 'Sign in with Google (stand-in)' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Continue with Apple' })).toBeEnabled()
    await capture('signin-social')

    await page.getByRole('button', { name: 'Sign in with Google (stand-in)' }).click()
    await expect(page).toHaveURL(`${e2eEnv.webUrl}/`)
    await expect(page.getByTestId('whoami')).toContainText('Gia Google')
    await expect(page.getByTestId('whoami')).toContainText(`(${email})`)
    await expect(page.getByRole('heading', { name: 'No travels yet' })).toBeVisible()
    // The session is next-auth's usual one: it survives a reload and reaches the api.
    await page.reload()
    await expect(page.getByTestId('whoami')).toContainText(email)
    await page.goto('/profile')
    await expect(page.getByRole('heading', { level: 1, name: 'Gia Google' })).toBeVisible()
  })

  test('Apple sign-in takes the name Apple sends the first time', async ({ page }) => {
    const sub = uniqueSub('apple')
    const idToken = await signedIdToken({
      iss: 'https://appleid.apple.com',
      aud: e2eEnv.appleClientId,
      sub,
      email: `${sub}@privaterelay.appleid.example`,
      email_verified: 'true',
    })
    await serveStandIns(page, { apple: idToken })
    await page.goto('/signin')
    await page.getByRole('button', { name: 'Continue with Apple' }).click()
    await expect(page).toHaveURL(`${e2eEnv.webUrl}/`)
    await expect(page.getByTestId('whoami')).toContainText('Ari Apple')
  })

  test('a token the api cannot verify is refused in plain words', async ({ page, capture }) => {
    const credential = await signedIdToken({
      iss: 'https://accounts.google.com',
      aud: 'someone-else.apps.googleusercontent.com',
      sub: uniqueSub('wrong-audience'),
    })
    await serveStandIns(page, { google: credential })
    await page.goto('/signin')
    await page.getByRole('button', { name: 'Sign in with Google (stand-in)' }).click()
    await expect(page.getByTestId('social-status')).toHaveText(
      'Google could not confirm who you are. Try again.',
    )
    await expect(page).toHaveURL(/\/signin$/)
    // Apple's script could not be fetched: its button stays off and says why.
    await expect(page.getByRole('button', { name: 'Continue with Apple' })).toBeDisabled()
    await capture('signin-social-refused')
  })
})
