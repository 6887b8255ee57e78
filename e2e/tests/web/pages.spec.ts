import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'
import { messagesWith, openPlanet, send, signIn } from '../../support/web-chat'

const { traveller: mina } = e2eEnv.accounts

test.describe('web pages', () => {
  test('profile, settings, new travel and the announcements planet', async ({ page, capture }) => {
    await signIn(page, mina)

    await page.getByRole('link', { name: 'Profile of Mina' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Mina' })).toBeVisible()
    await expect(page.getByText(mina.email)).toBeVisible()
    await capture('profile')

    await page.getByRole('link', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    const mentionsOnly = page.getByLabel(/Only mentions and replies/)
    const before = await mentionsOnly.isChecked()
    await mentionsOnly.click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
    await page.reload()
    await expect(page.getByLabel(/Only mentions and replies/)).toBeChecked({ checked: !before })
    await capture('settings')
    await page.getByLabel(/Only mentions and replies/).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

    await page.goto('/travels/new')
    await expect(page.getByRole('heading', { level: 1, name: 'New travel' })).toBeVisible()
    await capture('new-travel')

    // Mina moderates Jeju, so she may post in its announcements planet.
    await page.goto('/')
    await page.getByRole('link', { name: /Jeju Spring Escape/ }).click()
    await openPlanet(page, 'Announcements')
    const text = `Bus leaves at 8:30 ${Date.now().toString(36)}`
    await send(page, text)
    await expect(messagesWith(page, text)).toHaveCount(1)
    await capture('announcements')
  })

  test('a traveller sees announcements read-only and gets the refusal in plain words', async ({ page }) => {
    await signIn(page, { email: 'jun@connecto.dev', password: mina.password })
    await page.getByRole('link', { name: /Jeju Spring Escape/ }).click()
    await openPlanet(page, 'Announcements')
    await expect(page.getByTestId('composer-disabled')).toHaveText(
      'Announcements are read-only: only the host and moderators post here.',
    )
  })
})
