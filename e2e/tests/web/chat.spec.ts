import path from 'node:path'
import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'
import {
  freshTraveller,
  JEJU_INVITE_CODE,
  messagesWith,
  newTravellerContext,
  openPlanet,
  send,
  signIn,
  signUp,
} from '../../support/web-chat'

const { traveller: mina } = e2eEnv.accounts

test.describe('web chat between two travellers', () => {
  test('join by code, chat live both ways, survive going offline', async ({ page, browser, capture }) => {
    test.setTimeout(120_000)
    const newcomer = freshTraveller('Dana')
    const run = Date.now().toString(36)

    // The newcomer follows an invite link, signs up on the way, and joins.
    await page.goto(`/join/${JEJU_INVITE_CODE}`)
    await expect(page).toHaveURL(/\/signin\?next=/)
    await page.getByRole('link', { name: 'Create an account' }).click()
    await capture('signup')
    await signUp(page, newcomer, `/join/${JEJU_INVITE_CODE}`)
    await expect(page).toHaveURL(new RegExp(`/join/${JEJU_INVITE_CODE}$`))
    await expect(page.getByLabel('Invite code')).toHaveValue(JEJU_INVITE_CODE)
    await capture('join')
    await page.getByRole('button', { name: 'Join travel' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /Jeju Spring Escape/ })).toBeVisible()
    await expect(page.getByTestId('member').filter({ hasText: `${newcomer.nickname} (you)` })).toBeVisible()
    await capture('travel')
    await openPlanet(page, 'General')

    // Mina, in her own browser context, opens the same planet.
    const minaContext = await newTravellerContext(browser, e2eEnv.webUrl)
    const minaPage = await minaContext.newPage()
    await signIn(minaPage, mina)
    await minaPage.getByRole('link', { name: /Jeju Spring Escape/ }).click()
    await openPlanet(minaPage, 'General')

    // Live both ways.
    await send(minaPage, `Welcome aboard! ${run}`)
    await expect(messagesWith(page, `Welcome aboard! ${run}`)).toHaveCount(1)
    await send(page, `Thanks Mina, happy to be here ${run}`)
    await expect(messagesWith(minaPage, `happy to be here ${run}`)).toHaveCount(1)

    // Typing shows on the other side, and stops when the box is cleared.
    const minaBox = minaPage.getByLabel('Message', { exact: true })
    await minaBox.fill('Let me think')
    await expect(page.getByTestId('typing-indicator')).toHaveText(/Mina is typing/)
    await minaBox.fill('')
    await expect(page.getByTestId('typing-indicator')).toBeHidden()

    // Mina has the chat open at the bottom, so the newcomer's last message shows as seen by her.
    await expect(page.getByTestId('seen-by')).toContainText('Mina', { timeout: 10_000 })

    // A reaction from Mina appears on the newcomer's message.
    const thanks = messagesWith(minaPage, `happy to be here ${run}`)
    await thanks.hover()
    await thanks.getByRole('button', { name: 'Add reaction' }).click()
    await minaPage.getByRole('button', { name: 'React with 🎉' }).click()
    await expect(messagesWith(page, `happy to be here ${run}`).getByTestId('reaction')).toHaveText(/🎉\s*1/)
    await capture('chat')

    // An image the newcomer attaches (with its progress) shows up for Mina, and opens in the viewer.
    await page
      .getByTestId('file-input')
      .setInputFiles(path.join(import.meta.dirname, '../../support/files/jeju-sunset.png'))
    await expect(page.getByTestId('pending-file')).toHaveAttribute('data-state', 'done')
    await capture('chat-attach')
    await send(page, `Sunset at Hyeopjae ${run}`)
    const photo = messagesWith(minaPage, `Sunset at Hyeopjae ${run}`)
    await expect(photo.getByTestId('message-image').locator('img')).toBeVisible()
    await photo.getByTestId('message-image').click()
    await expect(minaPage.getByRole('dialog', { name: /Image/ }).locator('img')).toBeVisible()
    await capture('chat-image')
    await minaPage.keyboard.press('Escape')

    // A mention while Mina is elsewhere: a toast, and her bell count rises.
    await minaPage.goto('/')
    const bell = minaPage.getByTestId('notification-bell')
    await expect(bell).toBeVisible()
    const countBefore = Number(
      (await minaPage
        .getByTestId('notification-count')
        .textContent({ timeout: 1_000 })
        .catch(() => '0')) ?? '0',
    )
    await send(page, `@Mina see you at the port ${run}`)
    await expect(minaPage.getByTestId('mention-toast')).toContainText(`see you at the port ${run}`)
    await expect(
      minaPage
        .getByRole('link', { name: /General/ })
        .getByTestId('unread-badge')
        .first(),
    ).toBeVisible()
    await expect(minaPage.getByTestId('notification-count')).toHaveText(String(countBefore + 1), {
      timeout: 15_000,
    })
    await capture('chat-after-mention')
    await bell.click()
    await expect(minaPage.getByTestId('notification-list')).toContainText(`see you at the port ${run}`)
    await minaPage.keyboard.press('Escape')
    await minaPage.getByRole('link', { name: /Jeju Spring Escape/ }).click()
    await openPlanet(minaPage, 'General')

    // Offline: the banner shows, what Mina sends meanwhile arrives once and in order on reconnect,
    // and what the newcomer wrote offline is sent then.
    await page.context().setOffline(true)
    await expect(page.getByTestId('offline-banner')).toBeVisible()
    // The banner takes room of its own: the chat's header stays whole below it, and the page doesn't scroll.
    const layout = await page.evaluate(() => ({
      bannerBottom: document.querySelector('[data-testid="offline-banner"]')?.getBoundingClientRect().bottom,
      headerTop: document.querySelector('.chat-header')?.getBoundingClientRect().top,
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
    }))
    expect(layout.headerTop).toBeGreaterThanOrEqual((layout.bannerBottom ?? Number.POSITIVE_INFINITY) - 1)
    expect(layout.pageScrolls).toBe(false)
    await send(page, `Written offline ${run}`)
    await expect(
      page.getByTestId('pending-message').filter({ hasText: `Written offline ${run}` }),
    ).toHaveAttribute('data-state', 'queued')
    await capture('chat-offline')
    for (const n of [1, 2, 3]) await send(minaPage, `Missed ${n} ${run}`)
    await expect(messagesWith(minaPage, `Missed 3 ${run}`)).toHaveCount(1)
    await page.context().setOffline(false)
    await expect(page.getByTestId('offline-banner')).toBeHidden()
    const missed = messagesWith(page, new RegExp(`Missed \\d ${run}`))
    await expect(missed).toHaveCount(3)
    await expect(missed).toHaveText([/Missed 1/, /Missed 2/, /Missed 3/])
    await expect(messagesWith(minaPage, `Written offline ${run}`)).toHaveCount(1)
    await expect(page.getByTestId('pending-message')).toHaveCount(0)

    await minaContext.close()
  })
})
