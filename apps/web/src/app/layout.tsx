import { appMetadata, appViewport } from '@connecto/web-kit/components/app-shell'
import { Providers } from '@connecto/web-kit/components/providers'
import type { Metadata } from 'next'
import { NextIntlClientProvider } from 'next-intl'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { appConfig } from '@/app-config'
import { AppHeader } from '@/components/app-header'
import { ConnectionBanner } from '@/components/connection-banner'
import { MentionToasts } from '@/components/mention-toasts'
import { publicApiUrl } from '@/env'
import { AccountPreferences } from '@/lib/account-preferences'
import { readSession } from '@/lib/auth'
import { ConnectoProvider } from '@/lib/connecto'
import { MeStreamProvider } from '@/lib/me-stream'
import { THEME_BOOT_SCRIPT } from '@/lib/theme'
import '@connecto/web-kit/styles.css'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta')
  return appMetadata({ ...appConfig, tagline: t('tagline') })
}
export const viewport = appViewport

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await readSession()
  const signedIn = session && !session.error ? session : null
  const locale = await getLocale()
  return (
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <NextIntlClientProvider>
          <Providers session={signedIn}>
            <ConnectoProvider apiUrl={publicApiUrl()}>
              <AccountPreferences />
              <MeStreamProvider>
                <AppHeader name={appConfig.name} />
                <ConnectionBanner />
                <main className="main">{children}</main>
                <MentionToasts />
              </MeStreamProvider>
            </ConnectoProvider>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
