import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import type { AppIdentity } from './logo'
import { Providers } from './providers'
import { SiteHeader } from './site-header'

type AppShellIdentity = AppIdentity & { tagline: string }

/** The root layout's metadata for an app: its name in every title and its tagline as the description. */
export function appMetadata({ name, tagline }: AppShellIdentity): Metadata {
  return { title: { default: name, template: `%s · ${name}` }, description: tagline }
}

export const appViewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#f6f7fb' }

/** The document of every page: session and query providers, the header, then the page. */
export function AppShell({ app, children }: { app: AppShellIdentity; children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <SiteHeader name={app.name} badge={app.badge} />
          <main className="main">{children}</main>
        </Providers>
      </body>
    </html>
  )
}
