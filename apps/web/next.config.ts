import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

const nextConfig: NextConfig = {
  transpilePackages: ['@connecto/shared', '@connecto/client', '@connecto/web-kit'],
  poweredByHeader: false,
  reactStrictMode: true,
}

export default withNextIntl(nextConfig)
