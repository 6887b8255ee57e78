import { createServerEnv } from '@connecto/web-kit/server-env'
import { appConfig } from './app-config'

export const serverEnv = createServerEnv(appConfig)

/** The api address the browser uses (it may differ from the server-side one behind a proxy); read per request. */
export const publicApiUrl = () =>
  (process.env.PUBLIC_API_URL ?? process.env.NEXT_PUBLIC_API_URL ?? serverEnv.apiUrl).replace(/\/+$/, '')
