import { appMetadata, appViewport } from '@connecto/web-kit/components/app-shell'
import { Providers } from '@connecto/web-kit/components/providers'
import type { ReactNode } from 'react'
import { appConfig } from '@/app-config'
import { AppHeader } from '@/components/app-header'
import { ConnectionBanner } from '@/components/connection-banner'
import { MentionToasts } from '@/components/mention-toasts'
import { publicApiUrl } from '@/env'
import { readSession } from '@/lib/auth'
import { ConnectoProvider } from '@/lib/connecto'
import { MeStreamProvider } from '@/lib/me-stream'
import { THEME_BOOT_SCRIPT } from '@/lib/theme'
import '@connecto/web-kit/styles.css'
import './globals.css'

export const metadata = appMetadata(appConfig)
export const viewport = appViewport

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await readSession()
  const signedIn = session && !session.error ? session : null
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <Providers session={signedIn}>
          <ConnectoProvider apiUrl={publicApiUrl()}>
            <MeStreamProvider>
              <AppHeader name={appConfig.name} />
              <ConnectionBanner />
              <main className="main">{children}</main>
              <MentionToasts />
            </MeStreamProvider>
          </ConnectoProvider>
        </Providers>
      </body>
    </html>
  )
}
