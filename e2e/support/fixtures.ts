// Fixtures for both projects: signing in through the form, and screenshots at phone and desktop sizes
// (each first checked for sideways scrolling).
import path from 'node:path'
import { test as base, type Page } from '@playwright/test'
import type { Account } from './env'
import { expectNoSidewaysScroll } from './overflow'

const VIEWPORTS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const

type Fixtures = {
  /** Saves `<project>-<name>-{phone,desktop}.png` under e2e/test-results/screenshots/. */
  capture: (name: string) => Promise<void>
  signInAs: (account: Account) => Promise<void>
}

async function fillSignInForm(page: Page, { email, password }: Account) {
  await page.goto('/signin')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export const test = base.extend<Fixtures>({
  capture: async ({ page }, use, testInfo) => {
    const dir = path.resolve(testInfo.project.outputDir, '..', 'screenshots')
    await use(async (name) => {
      const original = page.viewportSize()
      for (const [label, size] of VIEWPORTS) {
        await page.setViewportSize(size)
        const file = path.join(dir, `${testInfo.project.name}-${name}-${label}.png`)
        await expectNoSidewaysScroll(page, `${testInfo.project.name}-${name}-${label}`)
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
        await testInfo.attach(`${name}-${label}`, { path: file, contentType: 'image/png' })
      }
      if (original) await page.setViewportSize(original)
    })
  },
  signInAs: async ({ page }, use) => {
    await use((account) => fillSignInForm(page, account))
  },
})

export { expect } from '@playwright/test'
