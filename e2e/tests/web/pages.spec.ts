import path from 'node:path'
import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'
import {
  freshTraveller,
  messagesWith,
  newTravellerContext,
  openPlanet,
  send,
  signIn,
  signUp,
} from '../../support/web-chat'

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

  test('the theme saved on one device is applied on another', async ({ page, browser, capture }) => {
    const person = freshTraveller('Theme')
    await signUp(page, person)
    await expect(page).not.toHaveURL(/\/signup/)
    await page.goto('/settings')
    const saved = page.waitForResponse((r) => r.url().includes('users.updateSettings') && r.ok())
    await page.getByLabel('Dark').check()
    await saved
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await capture('settings-dark')

    // A fresh browser has nothing cached: the theme comes from the account.
    const other = await newTravellerContext(browser, e2eEnv.webUrl)
    const second = await other.newPage()
    await signIn(second, person)
    await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark')
    await second.reload()
    await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark')
    await other.close()
  })

  test('a traveller who picks 한국어 gets the Korean UI, kept after reload and on another device', async ({
    page,
    browser,
    capture,
  }) => {
    const person = freshTraveller('Hangul')
    await signUp(page, person)
    await expect(page).not.toHaveURL(/\/signup/)
    await page.goto('/settings')
    await page.getByLabel('Language', { exact: true }).selectOption('ko')
    // The page switches without a reload once the account has the new language.
    await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: '설정' })).toBeVisible()
    await expect(page.getByLabel('언어', { exact: true })).toHaveValue('ko')
    await capture('settings-ko')

    await page.getByRole('link', { name: 'Connecto 홈' }).click()
    await expect(page.getByRole('heading', { name: '아직 여행이 없어요' })).toBeVisible()
    await page.getByRole('link', { name: '코드로 참여하기' }).click()
    await page.getByLabel('초대 코드').fill('JEJUTRPS')
    await page.getByRole('button', { name: '여행 참여' }).click()
    await expect(page).toHaveURL(/\/travels\//)
    await page.goto('/')
    await expect(page.getByRole('heading', { name: '내 여행' })).toBeVisible()
    await capture('home-ko')

    // A fresh browser signs in and follows the account's language.
    const other = await newTravellerContext(browser, e2eEnv.webUrl)
    const second = await other.newPage()
    await signIn(second, person)
    await expect(second.getByRole('heading', { name: '내 여행' })).toBeVisible()
    await other.close()
  })

  test('someone signing up from a Korean browser keeps Korean on the new account', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: e2eEnv.webUrl, locale: 'ko-KR' })
    const page = await context.newPage()
    await page.goto('/signup')
    await expect(page.getByRole('heading', { name: 'Connecto 가입하기' })).toBeVisible()
    const person = freshTraveller('Seoul')
    await page.getByLabel('닉네임').fill(person.nickname)
    await page.getByLabel('이메일').fill(person.email)
    await page.getByLabel('비밀번호').fill(person.password)
    await page.getByRole('button', { name: '계정 만들기' }).click()
    await expect(page.getByRole('heading', { name: '아직 여행이 없어요' })).toBeVisible()
    await page.goto('/settings')
    await expect(page.getByLabel('언어', { exact: true })).toHaveValue('ko')
    await context.close()
  })
})
