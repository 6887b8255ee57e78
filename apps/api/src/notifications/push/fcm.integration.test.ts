// FCM through the real firebase-admin SDK, intercepted at its network boundary: the app's http agent
// routes the SDK's requests for fcm.googleapis.com to a local server that answers like FCM, and the
// credential hands out a fixed access token. The SDK builds and sends every payload we assert.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import type { Credential } from 'firebase-admin/app'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime } from '../../../test/harness.ts'
import { JOB_DEFINITIONS } from '../../jobs/registry.ts'
import { fanOutMessage } from '../message-fan-out.ts'
import { delivery, notificationWorld, waitUntil } from '../notification-fixtures.ts'
import { useTransports } from '../transports.ts'
import { createFcmPushSender } from './fcm-sender.ts'

const PROJECT = 'connecto-test'
const SEND_PATH = `/v1/projects/${PROJECT}/messages:send`
const fixedToken: Credential = {
  getAccessToken: async () => ({ access_token: 'test-access-token', expires_in: 3600 }),
}

type FcmRequest = {
  host: string | undefined
  path: string | undefined
  auth: string | undefined
  body: { message: Record<string, unknown> & { token: string } }
}
type Responder = (token: string) => { status: number; body: unknown }

/** Plays fcm.googleapis.com: records each send and answers with what `respond` says for its token. */
let respond: Responder = () => ({ status: 500, body: {} })
let requests: FcmRequest[] = []
const fcm = http.createServer((req: IncomingMessage, res: ServerResponse) => {
  let raw = ''
  req.on('data', (c) => {
    raw += c
  })
  req.on('end', () => {
    const r: FcmRequest = {
      host: req.headers.host,
      path: req.url,
      auth: req.headers.authorization,
      body: JSON.parse(raw),
    }
    requests.push(r)
    const answer = respond(r.body.message.token)
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body))
  })
})

/** An agent for https URLs whose connections go to the local FCM stand-in, in plain HTTP. */
class LoopbackAgent extends http.Agent {
  protocol = 'https:'
  defaultPort = 443
  override createConnection() {
    return net.connect((fcm.address() as AddressInfo).port, '127.0.0.1')
  }
}

let t: Awaited<ReturnType<typeof createTestRuntime>>
beforeAll(async () => {
  await new Promise<void>((r) => fcm.listen(0, '127.0.0.1', r))
  t = await createTestRuntime()
  useTransports(t.rt, {
    push: createFcmPushSender({ projectId: PROJECT, credential: fixedToken, httpAgent: new LoopbackAgent() }),
  })
  await t.rt.jobs.start(t.rt, JOB_DEFINITIONS, [])
})
afterEach(() => {
  requests = []
})
afterAll(async () => {
  await t.close()
  await new Promise((r) => fcm.close(r))
})

function fakeFcm(responder: Responder) {
  respond = responder
  return requests
}

const unregistered = {
  status: 404,
  body: {
    error: {
      code: 404,
      message: 'Requested entity was not found.',
      status: 'NOT_FOUND',
      details: [
        { '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' },
      ],
    },
  },
}

describe('push through firebase-admin', () => {
  it('sends the SDK-built payload to every device, with badge and deep link, and removes dead tokens', async () => {
    const requests = fakeFcm((token) =>
      token === 'tok-dead' ? unregistered : { status: 200, body: { name: `projects/${PROJECT}/messages/1` } },
    )
    const w = await notificationWorld(t.rt, 1)
    const [reader] = w.others as [typeof w.host]
    for (const token of ['tok-phone', 'tok-tablet', 'tok-dead']) await w.device(reader.id, token)
    const m = await w.post(w.host.id, 'Meet at gate 4', { mentions: [reader.id] })
    await fanOutMessage(t.rt, m.id)
    await waitUntil(async () => {
      const [n] = await w.notificationsOf(reader.id)
      return delivery(n!, 'PUSH')?.status !== 'PENDING'
    })

    expect(requests.map((r) => r.body.message.token).sort()).toEqual(['tok-dead', 'tok-phone', 'tok-tablet'])
    expect(new Set(requests.map((r) => [r.host, r.path, r.auth].join(' ')))).toEqual(
      new Set([`fcm.googleapis.com ${SEND_PATH} Bearer test-access-token`]),
    )
    const [n] = await w.notificationsOf(reader.id)
    const phone = requests.find((r) => r.body.message.token === 'tok-phone')!.body.message
    expect(phone).toEqual({
      token: 'tok-phone',
      notification: { title: 'Hana mentioned you in General', body: 'Meet at gate 4' },
      data: {
        notificationId: n!.id,
        type: 'MENTION',
        travelId: w.travel.id,
        planetId: w.general.id,
        messageId: m.id,
      },
      android: { notification: { notification_count: 1 } },
      apns: { payload: { aps: { badge: 1, sound: 'default' } } },
    })
    expect(delivery(n!, 'PUSH')).toMatchObject({ status: 'SENT', attempts: 1, lastError: null })
    const left = await t.rt.db.device.findMany({ where: { userId: reader.id }, select: { pushToken: true } })
    expect(left.map((d) => d.pushToken).sort()).toEqual(['tok-phone', 'tok-tablet'])
  })

  it('retries when FCM fails, then records the delivery as FAILED with the last error', async () => {
    const requests = fakeFcm(() => ({
      status: 500,
      body: { error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } },
    }))
    const w = await notificationWorld(t.rt, 1)
    const [reader] = w.others as [typeof w.host]
    await w.device(reader.id, 'tok-flaky')
    await fanOutMessage(t.rt, (await w.post(w.host.id, 'ping', { mentions: [reader.id] })).id)
    await waitUntil(async () => {
      const [n] = await w.notificationsOf(reader.id)
      return delivery(n!, 'PUSH')?.status === 'FAILED'
    }, 15_000)
    expect(requests).toHaveLength(3)
    const [n] = await w.notificationsOf(reader.id)
    const push = n!.deliveries.find((d) => d.channel === 'PUSH')!
    expect(push.attempts).toBe(3)
    expect(push.lastError).toMatch(/internal-error/)
    // A transient failure never costs the user their device.
    expect(await t.rt.db.device.count({ where: { userId: reader.id } })).toBe(1)
    expect((await t.rt.jobs.deadLetters()).map((d) => d.name)).toContain('notification.push')
  })
})
