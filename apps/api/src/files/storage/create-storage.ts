// Picks the storage backend from the config: S3-compatible when S3_* is set, the local folder otherwise.
import { createHmac } from 'node:crypto'
import path from 'node:path'
import type { Config } from '../../config/config.ts'
import { createLocalStorage } from './local-storage.ts'
import type { ObjectStorage } from './object-storage.ts'
import { createS3Storage } from './s3-storage.ts'

export function createStorage(config: Config): ObjectStorage {
  if (config.storage.s3) return createS3Storage(config.storage.s3)
  return createLocalStorage({
    root: path.resolve(config.dataDir, 'files'),
    publicApiUrl: config.publicApiUrl,
    // A key of its own, so a file link can never be replayed as (or forged from) an access token.
    secret: createHmac('sha256', config.jwtSecret).update('connecto:file-links').digest('hex'),
  })
}
