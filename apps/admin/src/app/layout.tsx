import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { appConfig } from '@/app-config'
import { SiteHeader } from '@/components/site-header'
import { Providers } from './providers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: appConfig.name, template: `%s · ${appConfig.name}` },
  description: appConfig.tagline,
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#f6f7fb' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <SiteHeader />
          <main className="main">{children}</main>
        </Providers>
      </body>
    </html>
  )
}
