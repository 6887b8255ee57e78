// This app's next-auth setup, from the shared kit with its own cookie names and environment.
import { createAuth } from '@connecto/web-kit/auth'
import { appConfig } from '../app-config'
import { serverEnv } from '../env'

export const { authOptions, readSession } = createAuth({
  cookiePrefix: appConfig.cookiePrefix,
  env: serverEnv,
  socialSignIn: true,
})
