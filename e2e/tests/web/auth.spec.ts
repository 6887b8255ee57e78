import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'

const { traveller } = e2eEnv.accounts

test.describe('web sign-in', () => {
  test('a traveller signs in, sees who they are, and signs out', async ({ page, signInAs, capture }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/signin$/)
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
    await capture('signin')

    await signInAs(traveller)
    await expect(page).toHaveURL(`${e2eEnv.webUrl}/`)
    await expect(page.getByTestId('whoami')).toContainText('Signed in as')
    await expect(page.getByTestId('whoami')).toContainText(`(${traveller.email})`)
    await expect(page.getByTestId('role')).toHaveAttribute('data-role', 'USER')
    // The seeded traveller belongs to both demo travels.
    const travels = page.getByTestId('travel-card')
    await expect(travels).toHaveCount(2)
    await expect(travels.filter({ hasText: 'Jeju Spring Escape' })).toBeVisible()
    await expect(travels.filter({ hasText: 'Kyoto Autumn Walk' })).toBeVisible()
    await capture('home')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/signin$/)
    await page.goto('/')
    await expect(page).toHaveURL(/\/signin$/)
  })

  test('a wrong password shows the api message and keeps the email', async ({ page, signInAs, capture }) => {
    await signInAs({ email: traveller.email, password: 'not-the-password' })
    await expect(page.getByTestId('signin-error')).toHaveText('Email or password is incorrect.')
    await expect(page.getByLabel('Email')).toHaveValue(traveller.email)
    await expect(page).toHaveURL(/\/signin$/)
    await capture('signin-error')
  })
})
