// Mail over real SMTP (nodemailer) into a local sink (smtp-server) running in the test: the digest of what
// stayed unread, in plain text and HTML, and retries then FAILED when the server refuses.
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../test/harness.ts'
import { deliverDeferred } from '../deferred.job.ts'
import { fanOutMessage } from '../message-fan-out.ts'
import { delivery, notificationWorld, settableClock } from '../notification-fixtures.ts'

type Received = { from: string; to: string[]; subject: string; text: string; html: string }
const inbox: Received[] = []
const REFUSED = 'refused@example.test'

const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address === REFUSED)
      return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))
    callback()
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        inbox.push({
          from: mail.from?.text ?? '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
        })
        callback()
      })
      .catch(callback)
  },
})

const clock = settableClock(new Date('2026-06-01T09:00:00Z'))
let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r))
  const port = (sink.server.address() as AddressInfo).port
  t = await createTestRuntime({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      MAIL_FROM: 'Connecto <hello@connecto.test>',
      EMAIL_DIGEST_MINUTES: '30',
      PUBLIC_WEB_URL: 'https://app.connecto.test',
    },
    overrides: { clock },
  })
})
afterAll(async () => {
  await t.close()
  await new Promise<void>((r) => sink.close(() => r()))
})

describe('email digest', () => {
  it('mails what stayed unread after the digest delay, as text and HTML, and skips what was read', async () => {
    clock.set('2026-06-01T09:00:00Z')
    const w = await notificationWorld(t.rt, 1)
    const [reader] = w.others as [typeof w.host]
    const first = await w.post(w.host.id, 'Ferry <moved> to 10:30', { mentions: [reader.id] })
    await fanOutMessage(t.rt, first.id)
    await fanOutMessage(t.rt, (await w.post(w.mod.id, 'Bring cash', { mentions: [reader.id] })).id)
    await fanOutMessage(t.rt, (await w.post(w.mod.id, 'Already seen', { mentions: [reader.id] })).id)
    const seen = (await w.notificationsOf(reader.id)).at(-1)!
    await (await w.as(reader)).notifications.markRead({ ids: [seen.id] })

    // Not due yet: nothing leaves before the digest delay.
    clock.set('2026-06-01T09:20:00Z')
    await deliverDeferred(t.rt)
    expect(inbox.filter((m) => m.to.includes(reader.email))).toEqual([])

    clock.set('2026-06-01T09:31:00Z')
    await deliverDeferred(t.rt)
    const mails = inbox.filter((m) => m.to.includes(reader.email))
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.from).toBe('"Connecto" <hello@connecto.test>')
    expect(mail.subject).toBe('You have 2 unread notifications on Connecto')
    const link = `https://app.connecto.test/travels/${w.travel.id}/planets/${w.general.id}`
    expect(mail.text).toContain('Hana mentioned you in General\n  Ferry <moved> to 10:30')
    expect(mail.text).toContain('Minho mentioned you in General\n  Bring cash')
    expect(mail.text).toContain(link)
    expect(mail.text).not.toContain('Already seen')
    expect(mail.html).toContain('Ferry &lt;moved&gt; to 10:30')
    expect(mail.html).toContain(`<a href="${link}"><strong>Minho mentioned you in General</strong></a>`)
    expect(mail.html).not.toContain('Already seen')

    const rows = await w.notificationsOf(reader.id)
    expect(rows.map((n) => delivery(n, 'EMAIL')?.status)).toEqual(['SENT', 'SENT', 'SKIPPED'])
    // Delivered once: a later pass sends nothing more.
    await deliverDeferred(t.rt)
    expect(inbox.filter((m) => m.to.includes(reader.email))).toHaveLength(1)
  })

  it('keeps retrying a refused mail, then records it as FAILED with the SMTP error', async () => {
    clock.set('2026-06-01T09:00:00Z')
    const w = await notificationWorld(t.rt, 1)
    const [reader] = w.others as [typeof w.host]
    await t.rt.db.user.update({ where: { id: reader.id }, data: { email: REFUSED } })
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'hello', { mentions: [reader.id] })).id)
    const passes = ['09:31', '09:37', '09:43']
    for (const at of passes) {
      clock.set(`2026-06-01T${at}:00Z`)
      await deliverDeferred(t.rt)
    }
    const [n] = await w.notificationsOf(reader.id)
    const email = n!.deliveries.find((d) => d.channel === 'EMAIL')!
    expect(email).toMatchObject({ status: 'FAILED', attempts: 3 })
    expect(email.lastError).toMatch(/mailbox unavailable/)
    expect(inbox.filter((m) => m.to.includes(REFUSED))).toEqual([])
  })
})
