import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  transpilePackages: ['@connecto/shared', '@connecto/client'],
  poweredByHeader: false,
  reactStrictMode: true,
}

export default nextConfig
