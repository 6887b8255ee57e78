import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../config/config.ts'
import { queuePrefix } from '../jobs/jobs.ts'

describe('notification and job settings', () => {
  it('leaves mail and push unconfigured (logged) by default, with workers in the api', () => {
    const c = parseConfig({})
    expect(c.notifications).toMatchObject({
      smtp: undefined,
      firebase: undefined,
      emailDigestMinutes: 30,
      pushCoalesceSeconds: 10,
    })
    expect(c.role).toBe('all')
  })

  it('reads SMTP, Firebase and the worker role', () => {
    const c = parseConfig({
      SMTP_HOST: 'smtp.example.test',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'mailer',
      SMTP_PASS: 'secret',
      FIREBASE_PROJECT_ID: 'connecto-prod',
      API_ROLE: 'api',
    })
    expect(c.notifications.smtp).toEqual({
      host: 'smtp.example.test',
      port: 465,
      secure: true,
      auth: { user: 'mailer', pass: 'secret' },
    })
    expect(c.notifications.firebase).toEqual({ projectId: 'connecto-prod', credentialsJson: undefined })
    expect(c.role).toBe('api')
  })

  it('names the variable when a value is bad', () => {
    expect(() => parseConfig({ API_ROLE: 'both' })).toThrow(ConfigError)
    expect(() => parseConfig({ SMTP_PORT: 'x' })).toThrow(/SMTP_PORT/)
  })

  it('derives the queue prefix from the database, so nodes on one database share queues', () => {
    expect(queuePrefix({ databaseUrl: 'postgresql://u@db:5432/connecto' })).toBe('connecto:connecto')
    expect(queuePrefix({ databaseUrl: 'postgresql://u@db:5432/other', queuePrefix: 'custom' })).toBe('custom')
  })
})
