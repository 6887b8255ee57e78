import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from './config.ts'

function issuesOf(env: Record<string, string>) {
  try {
    parseConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => i.variable)
    throw err
  }
  return []
}

describe('config', () => {
  it('starts with embedded defaults when nothing is set', () => {
    const config = parseConfig({})
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      redisUrl: undefined,
      accessTokenTtl: 900,
      refreshTokenTtl: 604800,
      publicWebUrl: 'http://localhost:3000',
    })
    expect(parseConfig({ PUBLIC_WEB_URL: 'https://connecto.example/' }).publicWebUrl).toBe(
      'https://connecto.example',
    )
  })

  it('names each bad variable', () => {
    expect(issuesOf({ PORT: 'eighty' })).toEqual(['PORT'])
    expect(issuesOf({ DATABASE_URL: 'mysql://x@y/z' })).toEqual(['DATABASE_URL'])
    expect(issuesOf({ REDIS_URL: 'not a url' })).toEqual(['REDIS_URL'])
    expect(issuesOf({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET'])
    expect(issuesOf({ PUBLIC_WEB_URL: 'ftp://x' })).toEqual(['PUBLIC_WEB_URL'])
    expect(issuesOf({ LOG_LEVEL: 'loud', PORT: '-1' }).sort()).toEqual(['LOG_LEVEL', 'PORT'])
  })

  it('refuses to start in production without a JWT secret', () => {
    expect(issuesOf({ NODE_ENV: 'production' })).toEqual(['JWT_SECRET'])
    expect(issuesOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toEqual([])
  })

  it('turns social client ids into configured providers', () => {
    const config = parseConfig({ GOOGLE_CLIENT_IDS: 'a.apps, b.apps', FIREBASE_PROJECT_ID: 'connecto-prod' })
    expect(config.social.google?.clientIds).toEqual(['a.apps', 'b.apps'])
    expect(config.social.apple).toBeUndefined()
    expect(config.social.firebase?.projectId).toBe('connecto-prod')
  })

  it('the message names the variable when the api process is started with a bad one', () => {
    expect(() => parseConfig({ DATABASE_URL: 'nope' })).toThrow(/DATABASE_URL/)
  })
})
