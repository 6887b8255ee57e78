// Helpers for the web app's chat tests: fresh accounts, a second signed-in traveller, the chat page.
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test'
import type { Account } from './env'

export const JEJU_INVITE_CODE = 'JEJUTRPS'

/** A new account each run, so joining by code works again on an already-seeded database. */
export function freshTraveller(label: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  return {
    nickname: `${label}${stamp.slice(-4)}`,
    email: `e2e-${label.toLowerCase()}-${stamp}@connecto.dev`,
    password: 'e2e-password-123',
  }
}

export async function signUp(page: Page, person: ReturnType<typeof freshTraveller>, next?: string) {
  await page.goto(next ? `/signup?next=${encodeURIComponent(next)}` : '/signup')
  await page.getByLabel('Nickname').fill(person.nickname)
  await page.getByLabel('Email').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Create account' }).click()
}

export async function signIn(page: Page, { email, password }: Account) {
  await page.goto('/signin')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).not.toHaveURL(/\/signin/)
}

/** A second browser context with its own cookies, for the other traveller. */
export async function newTravellerContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } })
}

/** Opens a planet from the travel page by its visible name. */
export async function openPlanet(page: Page, planetName: string) {
  await page.getByTestId('planet-link').filter({ hasText: planetName }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: planetName })).toBeVisible()
  await expect(page.getByTestId('message-list')).toBeVisible()
}

export async function send(page: Page, text: string) {
  const box = page.getByLabel('Message', { exact: true })
  await box.fill(text)
  await box.press('Enter')
}

/** The delivered messages whose own text (not a quoted reply) contains `text`. */
export const messagesWith = (page: Page, text: string | RegExp) =>
  page.getByTestId('message').filter({ has: page.getByTestId('message-text').filter({ hasText: text }) })
