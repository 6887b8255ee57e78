import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../config/config.ts'
import { createStorage } from './create-storage.ts'

const s3Env = { S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' }

describe('createStorage', () => {
  it('uses the local folder by default and S3-compatible storage when S3_* is set', () => {
    expect(createStorage(parseConfig({})).kind).toBe('local')
    expect(createStorage(parseConfig({ ...s3Env, S3_ENDPOINT: 'http://127.0.0.1:9000' })).kind).toBe('s3')
  })

  it('uses path-style URLs with a custom endpoint (MinIO) unless told otherwise', () => {
    const endpoint = 'http://127.0.0.1:9000'
    expect(parseConfig({ ...s3Env, S3_ENDPOINT: endpoint }).storage.s3?.forcePathStyle).toBe(true)
    expect(
      parseConfig({ ...s3Env, S3_ENDPOINT: endpoint, S3_FORCE_PATH_STYLE: '0' }).storage.s3?.forcePathStyle,
    ).toBe(false)
    expect(parseConfig(s3Env).storage.s3?.forcePathStyle).toBe(false)
  })

  it('refuses to start with a bucket but no credentials, naming each missing variable', () => {
    try {
      parseConfig({ S3_BUCKET: 'files' })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      expect((err as ConfigError).issues.map((i) => i.variable)).toEqual([
        'S3_ACCESS_KEY_ID',
        'S3_SECRET_ACCESS_KEY',
      ])
    }
  })
})
