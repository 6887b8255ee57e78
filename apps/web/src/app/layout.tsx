import { AppShell, appMetadata, appViewport } from '@connecto/web-kit/components/app-shell'
import type { ReactNode } from 'react'
import { appConfig } from '@/app-config'
import '@connecto/web-kit/styles.css'
import './globals.css'

export const metadata = appMetadata(appConfig)
export const viewport = appViewport

export default function RootLayout({ children }: { children: ReactNode }) {
  return <AppShell app={appConfig}>{children}</AppShell>
}
