import path from 'node:path'
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
    // A new profile photo uploads to storage and shows once the api accepts it.
    await page
      .getByLabel('Profile photo')
      .setInputFiles(path.join(import.meta.dirname, '../../support/files/jeju-sunset.png'))
    await expect(page.locator('img.avatar-image')).toBeVisible()
    await expect(page.locator('img.avatar-image')).toHaveJSProperty('complete', true)
    await capture('profile')
    // The avatar comes back from auth.me after a reload.
    await page.reload()
    await expect(page.locator('img.avatar-image')).toBeVisible()

    // Profile edits are saved and read back after a reload; the nickname is put back for the other tests.
    await page.getByLabel('Nickname').fill('Mina Jeon')
    await page.getByLabel('Bio').fill('Chasing sunsets in Jeju')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Mina Jeon' })).toBeVisible()
    await expect(page.getByLabel('Bio')).toHaveValue('Chasing sunsets in Jeju')
    await page.getByLabel('Nickname').fill('Mina')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible()

    await page.getByRole('link', { name: 'Settings' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    const mentionsOnly = page.getByLabel(/Only mentions and replies/)
    const before = await mentionsOnly.isChecked()
    await mentionsOnly.click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
    await page.reload()
    await expect(page.getByLabel(/Only mentions and replies/)).toBeChecked({ checked: !before })
    await capture('settings')
    // A privacy switch is kept on the account.
    const receipts = page.getByLabel('Send read receipts')
    await expect(receipts).toBeChecked()
    await receipts.click()
    await expect(page.getByRole('status').filter({ hasText: 'Account settings saved' })).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('Send read receipts')).not.toBeChecked()
    await page.getByLabel('Send read receipts').click()
    await expect(page.getByRole('status').filter({ hasText: 'Account settings saved' })).toBeVisible()
    await page.getByLabel(/Only mentions and replies/).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

    // Joining again, or with a code that does not exist, is refused in plain words.
    await page.goto('/join/JEJUTRPS')
    await page.getByRole('button', { name: 'Join travel' }).click()
    await expect(page.getByTestId('join-error')).toHaveText('You are already a member of this travel.')
    await page.getByLabel('Invite code').fill('NOPE2345')
    await page.getByRole('button', { name: 'Join travel' }).click()
    await expect(page.getByTestId('join-error')).toHaveText('The invite code is not valid.')

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

    // A direct message from the member list.
    await page.getByRole('link', { name: 'Back to the travel' }).click()
    await page.getByRole('button', { name: 'Message Jun' }).click()
    await expect(page).toHaveURL(/\/planets\//)
    await expect(page.getByTestId('message-list')).toBeVisible()
    const hello = `Hi Jun, just us here ${Date.now().toString(36)}`
    await send(page, hello)
    await expect(messagesWith(page, hello)).toHaveCount(1)
    await capture('direct-message')
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
