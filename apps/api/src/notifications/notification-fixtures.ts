// Test fixtures for the notification tests: a travel with members, a settable clock, messages written
// straight to the database (so fan-out is driven explicitly) and a push transport that records.
import { seedTravel, seedUser } from '@connecto/db/seed'
import { callerWithToken } from '../../test/harness.ts'
import { signAccessToken } from '../auth/tokens.ts'
import type { Runtime } from '../runtime.ts'
import type { PushMessage, PushSender } from './push/push-sender.ts'
import { useTransports } from './transports.ts'

export function settableClock(start = new Date('2026-06-01T12:00:00Z')) {
  let now = start
  return {
    now: () => now,
    set(at: Date | string) {
      now = new Date(at)
    },
  }
}

export function recordingPush(rt: Runtime) {
  const sent: { tokens: string[]; message: PushMessage }[] = []
  const sender: PushSender = {
    kind: 'log',
    async send(tokens, message) {
      sent.push({ tokens, message })
      return tokens.map((token) => ({ token, ok: true as const }))
    },
    async close() {},
  }
  useTransports(rt, { push: sender })
  return sent
}

export async function notificationWorld(rt: Runtime, extraMembers = 2) {
  const host = await seedUser(rt.db, { nickname: 'Hana' })
  const mod = await seedUser(rt.db, { nickname: 'Minho' })
  const others = await Promise.all(
    Array.from({ length: extraMembers }, (_, i) => seedUser(rt.db, { nickname: `P${i}` })),
  )
  const { travel, general, announcements } = await seedTravel(rt.db, {
    hostId: host.id,
    name: 'Jeju trip',
    members: [
      { userId: mod.id, role: 'MODERATOR' },
      ...others.map((u) => ({ userId: u.id, role: 'PARTICIPANT' as const })),
    ],
  })
  let n = 0
  async function post(
    senderId: string,
    content: string,
    opts: { planetId?: string; mentions?: string[]; replyToId?: string } = {},
  ) {
    return rt.db.message.create({
      data: {
        planetId: opts.planetId ?? general.id,
        senderId,
        content,
        clientMessageId: `fixture-${++n}-${Date.now()}`,
        mentions: opts.mentions ?? [],
        replyToId: opts.replyToId,
      },
    })
  }
  const notificationsOf = (userId: string) =>
    rt.db.notification.findMany({
      where: { userId },
      include: { deliveries: true },
      orderBy: { createdAt: 'asc' },
    })
  // Signed at wall-clock time: tests move rt.clock across time zones, token expiry reads the real clock.
  const as = async (u: { id: string }) => {
    const { token } = await signAccessToken(
      rt.config,
      { userId: u.id, sessionFamily: 'test-family' },
      new Date(),
    )
    return callerWithToken(rt, token)
  }
  const device = (userId: string, token: string) =>
    rt.db.device.create({ data: { userId, pushToken: token, platform: 'ANDROID' } })
  return { host, mod, others, travel, general, announcements, post, notificationsOf, as, device }
}

export const delivery = (n: { deliveries: { channel: string; status: string }[] }, channel: string) =>
  n.deliveries.find((d) => d.channel === channel)

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 25))
  }
}
