import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'
import { messagesWith, openPlanet, send, signIn } from '../../support/web-chat'

const { traveller: mina } = e2eEnv.accounts

test.describe('web message actions', () => {
  test('edit, reply, pin, delete and restore, forward, search and jump', async ({ page, capture }) => {
    const run = Date.now().toString(36)
    await signIn(page, mina)
    await page.getByRole('link', { name: /Jeju Spring Escape/ }).click()
    await openPlanet(page, 'General')

    const moreActions = async (text: string, action: string) => {
      const message = messagesWith(page, text)
      await message.hover()
      await message.getByRole('button', { name: 'More actions' }).click()
      await page.getByRole('menuitem', { name: action }).click()
    }

    // Edit within the window: the composer takes the text, Enter saves it.
    await send(page, `First draft ${run}`)
    await expect(messagesWith(page, `First draft ${run}`)).toHaveCount(1)
    await moreActions(`First draft ${run}`, 'Edit')
    await expect(page.getByTestId('composer-context')).toContainText('Editing message')
    await page.getByLabel('Message', { exact: true }).fill(`Final plan ${run}`)
    await page.getByLabel('Message', { exact: true }).press('Enter')
    await expect(messagesWith(page, `Final plan ${run}`)).toContainText('edited')

    // Reply with a quote; Esc would cancel, Enter sends.
    const planned = messagesWith(page, `Final plan ${run}`)
    await planned.hover()
    await planned.getByRole('button', { name: 'Reply' }).click()
    await expect(page.getByTestId('composer-context')).toContainText('Replying to Mina')
    await send(page, `Agreed ${run}`)
    const reply = messagesWith(page, `Agreed ${run}`)
    await expect(reply.locator('blockquote')).toContainText(`Final plan ${run}`)

    // Pin, and find it in the pinned list.
    await moreActions(`Final plan ${run}`, 'Pin')
    await expect(messagesWith(page, `Final plan ${run}`).getByTestId('pinned-mark')).toBeVisible()
    await page.getByRole('button', { name: 'Pinned messages' }).click()
    await expect(page.getByTestId('pinned-list')).toContainText(`Final plan ${run}`)
    await capture('chat-pinned')
    await page.getByRole('button', { name: 'Close panel' }).click()

    // Delete, then restore.
    await moreActions(`Agreed ${run}`, 'Delete')
    const deleted = page.locator(`[data-testid="message"]`).filter({ hasText: 'Message deleted' }).last()
    await expect(deleted).toBeVisible()
    await deleted.hover()
    await deleted.getByRole('button', { name: 'Restore' }).click()
    await expect(messagesWith(page, `Agreed ${run}`)).toHaveCount(1)

    // Forward to the announcements planet (Mina moderates this travel).
    await moreActions(`Final plan ${run}`, 'Forward')
    await page
      .getByRole('dialog', { name: 'Forward to' })
      .getByRole('button', { name: /Announcements/ })
      .click()
    await expect(page.getByTestId('chat-notice')).toHaveText('Forwarded.')

    // Scrolling to the top loads earlier history.
    const list = page.getByTestId('message-list')
    const loaded = await page.getByTestId('message').count()
    await list.evaluate((el) => el.scrollTo({ top: 0 }))
    await expect.poll(() => page.getByTestId('message').count()).toBeGreaterThan(loaded)
    await expect(page.getByTestId('jump-latest')).toBeVisible()
    await page.getByTestId('jump-latest').click()
    await expect(messagesWith(page, `Agreed ${run}`)).toBeInViewport()

    // Search an older message and jump to it.
    await page.getByRole('button', { name: 'Search messages' }).click()
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('Hallasan')
    const result = page.getByTestId('search-results').getByRole('button').first()
    await expect(result).toBeVisible()
    await capture('chat-search')
    await result.click()
    await expect(page.locator('[data-testid="message"][data-highlighted]')).toContainText(/Hallasan/i)
  })
})
