import { signInAsUser } from '../../support/admin-api'
import { e2eEnv } from '../../support/env'
import { expect, test } from '../../support/fixtures'
import { freshTraveller, JEJU_INVITE_CODE, openPlanet, send, signUp } from '../../support/web-chat'

const { host } = e2eEnv.accounts

test.describe('web refusals', () => {
  test('a muted traveller sees until when, and a banned one loses the chat', async ({ page, capture }) => {
    const newcomer = freshTraveller('Mute')
    await signUp(page, newcomer, `/join/${JEJU_INVITE_CODE}`)
    await page.getByRole('button', { name: 'Join travel' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /Jeju Spring Escape/ })).toBeVisible()
    const travelId = new URL(page.url()).pathname.split('/')[2] as string
    await openPlanet(page, 'General')
    const planetId = new URL(page.url()).pathname.split('/')[4] as string

    const hostApi = await signInAsUser(host)
    const { userId } = await signInAsUser(newcomer)
    await hostApi.mutate('moderation.mute', { planetId, userId, duration: '1h' })

    await send(page, 'Can anyone hear me?')
    const refusal = page.getByTestId('send-refusal')
    await expect(refusal).toContainText(/You are muted here until .+\./)
    await capture('chat-muted')

    await hostApi.mutate('moderation.banFromTravel', { travelId, userId, reason: 'e2e: ban check' })
    const revoked = page.getByTestId('access-revoked')
    await expect(revoked).toBeVisible()
    await expect(revoked).toHaveAttribute('role', 'alert')
    await expect(revoked).toContainText('You are banned from this travel.')
    await capture('chat-banned')
  })
})
