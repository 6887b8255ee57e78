import { createServerEnv } from '@connecto/web-kit/server-env'
import { appConfig } from './app-config'

export const serverEnv = createServerEnv(appConfig)
