import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  transpilePackages: ['@connecto/shared', '@connecto/client', '@connecto/web-kit'],
  poweredByHeader: false,
  reactStrictMode: true,
}

export default nextConfig
