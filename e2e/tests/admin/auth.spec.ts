import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'

const { admin, host, traveller } = e2eEnv.accounts

test.describe('admin sign-in', () => {
  test('a host signs in and sees the dashboard', async ({ page, signInAs, capture }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/signin$/)
    await capture('signin')

    await signInAs(host)
    await expect(page).toHaveURL(`${e2eEnv.adminUrl}/`)
    await expect(page.getByTestId('whoami')).toContainText(`(${host.email})`)
    await expect(page.getByTestId('role')).toHaveAttribute('data-role', 'HOST')
    await capture('dashboard')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/signin$/)
  })

  test('an admin signs in and sees the dashboard', async ({ page, signInAs }) => {
    await signInAs(admin)
    await expect(page.getByTestId('whoami')).toContainText(`(${admin.email})`)
    await expect(page.getByTestId('role')).toHaveAttribute('data-role', 'ADMIN')
  })

  test('a traveller is refused and never sees the dashboard', async ({ page, signInAs, capture }) => {
    await signInAs(traveller)
    await expect(page.getByTestId('refusal')).toHaveText(
      `Connecto Admin is for hosts and admins. Your account (${traveller.email}) is a traveller account.`,
    )
    await expect(page.getByTestId('whoami')).toHaveCount(0)
    await capture('refusal')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/signin$/)
  })
})
